// The validation runs in a module worker; the page shows what the worker answers.
const out = document.getElementById("out");
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = (event) => (out.textContent = event.data);
worker.onerror = (event) => (out.textContent = `ERROR|worker: ${event.message ?? "failed to start"}`);

// One cold start: fetch the code, then time compile + instantiate (+ evaluate) + first validation.
// ?lib=billing-account-form|zod|valibot|ajv. The result lands in window.coldStart.
const lib = new URLSearchParams(location.search).get("lib");
const body = { name: "Acme Ltd", email: "billing@acme.com", currency: "eur", address: { country: "ZA", city: "Cape Town" } };

async function ours() {
  // The glue module is loaded first (it is tiny and already parsed before the wasm arrives).
  const glue = await import("/pkg/billing_account_form.js");
  const bytes = await (await fetch("/pkg/billing_account_form_bg.wasm")).arrayBuffer();
  const start = performance.now();
  await glue.default({ module_or_path: bytes });
  const r = glue.validateCreate(body);
  return { ms: performance.now() - start, ok: r.ok };
}

async function theirs(name) {
  const text = await (await fetch(`/bench/.build/${name}.js`)).text();
  const start = performance.now();
  const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  const mod = await import(url);
  const r = mod.validateCreate(body);
  const ms = performance.now() - start;
  return { ms, ok: r.ok ?? r.success };
}

window.coldStart = (lib === "billing-account-form" ? ours() : theirs(lib)).catch((e) => ({ error: String(e) }));

// One cold start: fetch the code (the Vite build of an app importing the library, bench/size.js),
// then time evaluate + start (for ours: the package's `ready`, which compiles and instantiates its
// wasm) + the first validation. ?lib=<slug of a library in bench/size.js>. The result lands in
// window.coldStart.
const lib = new URLSearchParams(location.search).get("lib");

async function cold() {
  const text = await (await fetch(`/bench/.build/${lib}.js`)).text();
  const start = performance.now();
  const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  const app = await import(url);
  const validate = await app.start();
  const r = validate(app.body);
  const ms = performance.now() - start;
  return { ms, ok: r.ok ?? r.success };
}

window.coldStart = cold().catch((e) => ({ error: String(e) }));

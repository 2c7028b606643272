// Size: gzip -9 of our wasm plus its JavaScript glue, against each library's minified esbuild
// bundle of its schema. Prints JSON: { lib: { raw, gzip } }. Writes the bundles to .build/
// (the cold-start page loads them).
import { build } from "esbuild";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "pkg");
const out = join(here, ".build");
mkdirSync(out, { recursive: true });
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

export async function sizes() {
  const result = {};
  // The same files scripts/build-pkg counts: the wasm, and the glue a browser loads with it.
  const wasm = readFileSync(join(pkg, "billing_account_form_bg.wasm"));
  const snippets = readdirSync(join(pkg, "snippets"), { recursive: true })
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => join(pkg, "snippets", f));
  const glue = Buffer.concat(
    ["billing_account_form.js", "index.js", "api.js"].map((f) => join(pkg, f)).concat(snippets).map((f) => readFileSync(f)),
  );
  result["billing-account-form"] = {
    raw: wasm.length + glue.length,
    gzip: gz(wasm) + gz(glue),
    wasmGzip: gz(wasm),
    glueGzip: gz(glue),
  };
  for (const lib of ["zod", "valibot", "ajv"]) {
    const bundle = await build({
      entryPoints: [join(here, "schemas", `${lib}.js`)],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const code = Buffer.from(bundle.outputFiles[0].contents);
    writeFileSync(join(out, `${lib}.js`), code);
    result[lib] = { raw: code.length, gzip: gz(code) };
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await sizes()));
}

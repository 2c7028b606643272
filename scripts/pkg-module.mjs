// scripts/build-pkg, for one wasm module in DIR: makes wasm-bindgen's glue carry no asset
// reference, and writes the module's bytes as hex into DIR/bytes.js.
//   node scripts/pkg-module.mjs DIR WASM_FILE
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, wasmFile] = process.argv.slice(2);
const gluePath = join(dir, "glue.js");
const glue = readFileSync(gluePath, "utf8");
// The glue's fallback when init gets no module: a .wasm beside it, found through
// `new URL(…, import.meta.url)`, which bundlers treat as an asset to carry. The entries always
// pass the module, so the fallback goes.
const fallback = /module_or_path = new URL\('glue_bg\.wasm', import\.meta\.url\);/;
if (!fallback.test(glue)) throw new Error(`${gluePath}: wasm-bindgen's default module path not found; update scripts/pkg-module.mjs`);
const out =
  // Jest's jsdom environment has no TextEncoder or TextDecoder: ../text.js stands in there.
  'import { TextDecoder, TextEncoder } from "../text.js";\n' +
  glue.replace(fallback, 'throw new TypeError("billing-account-form: no wasm module given");');
if (out.includes("import.meta")) throw new Error(`${gluePath}: still uses import.meta`);
// The imports object names a snippet once per extern block that uses it; bundlers warn about
// the repeated keys (esbuild: duplicate-object-key) in every consumer's build. Keep the first.
const seen = new Set();
const deduped = out
  .split("\n")
  .filter((line) => {
    const key = /^\s*("\.\/snippets\/[^"]+"): import\d+,$/.exec(line)?.[1];
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  })
  .join("\n");
writeFileSync(gluePath, deduped);

const wasm = readFileSync(join(dir, wasmFile));
writeFileSync(
  join(dir, "bytes.js"),
  `// The ${wasmFile} module's bytes as hex (see bytes.js at the package's root).\nexport default "${wasm.toString("hex")}";\n`,
);
writeFileSync(join(dir, "bytes.d.ts"), "declare const hex: string;\nexport default hex;\n");

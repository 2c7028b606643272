// scripts/build-pkg, for one wasm module in DIR: makes wasm-bindgen's glue carry no asset
// reference, and writes the module's bytes into DIR/bytes.js: as hex (a module that starts
// synchronously), or with `deflate` compressed (raw deflate, by zopfli) and in base64, for a module
// that starts asynchronously anyway (js/inflate.js reads them).
//   node scripts/pkg-module.mjs DIR WASM_FILE [deflate]
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { inflateRawSync } from "node:zlib";
import { deflateAsync } from "@gfx/zopfli";

const [dir, wasmFile, encoding = "hex"] = process.argv.slice(2);
if (!["hex", "deflate"].includes(encoding)) throw new Error(`unknown encoding ${encoding}: hex or deflate`);
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
// The entries pass the module's bytes or a compiled module, never a URL, a Request or a Response:
// the glue's fetching and streaming branches (with their warnings' texts) go.
const loader = /async function __wbg_load\(module, imports\) \{\n[\s\S]*?\n\}\n/;
const fetching =
  /\n\s*if \(typeof module_or_path === 'string' \|\| \(typeof Request === 'function' && module_or_path instanceof Request\) \|\| \(typeof URL === 'function' && module_or_path instanceof URL\)\) \{\n\s*module_or_path = fetch\(module_or_path\);\n\s*\}\n/;
const deprecated = /console\.warn\('using deprecated parameters for [^']*'\)/g;
if (out.match(deprecated)?.length !== 2) throw new Error(`${gluePath}: wasm-bindgen's two deprecation warnings not found; update scripts/pkg-module.mjs`);
for (const [what, pattern] of [["__wbg_load", loader], ["the fetch of a URL", fetching]]) {
  if (!pattern.test(out)) throw new Error(`${gluePath}: wasm-bindgen's ${what} not found; update scripts/pkg-module.mjs`);
}
const lean = out
  .replace(
    loader,
    `async function __wbg_load(module, imports) {
    const instance = await WebAssembly.instantiate(module, imports);
    return instance instanceof WebAssembly.Instance ? { instance, module } : instance;
}
`,
  )
  .replace(fetching, "\n")
  // Nor do they call init the old way, with the module alone: the warnings for it go.
  .replace(deprecated, "");
// The imports object names a snippet once per extern block that uses it; bundlers warn about
// the repeated keys (esbuild: duplicate-object-key) in every consumer's build. Keep the first.
const seen = new Set();
const deduped = lean
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
// The types of a class the module exports (the client's `Exchange`, internal to the package) name
// `Symbol.dispose`, which TypeScript knows only with lib esnext: a consumer's type check would
// fail on it. The glue sets it only where the runtime has it; the types leave it out.
const typesPath = join(dir, "glue.d.ts");
const types = readFileSync(typesPath, "utf8");
writeFileSync(typesPath, types.replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, ""));

// wasm-bindgen writes every inline script of the crate; those this module's glue does not import
// (the client's glue needs none of the validation's reader) would only weigh on the tarball.
const snippetDir = join(dir, "snippets");
for (const file of existsSync(snippetDir) ? readdirSync(snippetDir, { recursive: true }) : []) {
  const path = join(snippetDir, file);
  if (path.endsWith(".js") && !deduped.includes(`./${relative(dir, path)}`)) rmSync(path);
}

// The snippets that encode or decode text themselves (the walker writes into the module's memory,
// validateMany reads its input piece by piece) take the same stand-ins.
const snippets = join(dir, "snippets");
for (const file of existsSync(snippets) ? readdirSync(snippets, { recursive: true }) : []) {
  const path = join(snippets, file);
  if (!path.endsWith(".js")) continue;
  const code = readFileSync(path, "utf8");
  const names = ["TextEncoder", "TextDecoder"].filter((n) => code.includes(`new ${n}`));
  if (names.length === 0) continue;
  const text = relative(dirname(path), join(dir, "..", "text.js"));
  writeFileSync(path, `import { ${names.join(", ")} } from "${text}";\n${code}`);
}

const wasm = readFileSync(join(dir, wasmFile));
// Raw deflate as zopfli writes it: the same format every inflater reads (DecompressionStream,
// fflate), 6% smaller than zlib's level 9 (the client: 23.5 against 25.1 kB). Checked by
// inflating it back.
async function deflated() {
  const bytes = Buffer.from(await deflateAsync(wasm, { numiterations: 15 }));
  if (!inflateRawSync(bytes).equals(wasm)) throw new Error(`${wasmFile}: zopfli's deflate does not inflate back to the module`);
  return bytes;
}
// Compressed data has no repeats left for hex's alignment to keep: base64 is the smaller text.
const text =
  encoding === "hex"
    ? `// The ${wasmFile} module's bytes as hex (see bytes.js at the package's root).\nexport default "${wasm.toString("hex")}";\n`
    : `// The ${wasmFile} module's bytes, raw deflate in base64 (see inflate.js at the package's root).\nexport default "${(await deflated()).toString("base64")}";\n`;
writeFileSync(join(dir, "bytes.js"), text);
writeFileSync(join(dir, "bytes.d.ts"), "declare const text: string;\nexport default text;\n");

// The entry for Cloudflare's workerd, which compiles no wasm at run time: the module is imported
// as a compiled `WebAssembly.Module` (wrangler's default for `.wasm` imports) and started at import.
import { begin } from "./start.js";
import module from "./wasm-validation/validation.wasm";

/** Already resolved: in workerd the module starts at import. */
export const ready = begin(() => module);

export * from "./api.js";

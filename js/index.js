// The package's main entry (browsers, bundlers, Node, Deno, Bun): validation, with the wasm
// inlined. No top-level await: `ready` says when the module has started (at import wherever the
// runtime can compile it synchronously).
import { begin } from "./start.js";
import { decode } from "./bytes.js";
import hex from "./wasm-validation/bytes.js";

/** Resolves once the validation module has started; validation calls made before throw. */
export const ready = begin(() => decode(hex));

export * from "./api.js";

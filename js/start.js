// Starts the validation module and guards every call until it has: shared by the entries,
// which differ only in how they hand over the wasm (bytes inlined in this package, or a
// compiled module where the runtime allows no compiling at run time).
import * as glue from "./wasm-validation/glue.js";

let state = "loading";
let failure;
let readyPromise = Promise.resolve();

/**
 * Starts the module from `source()` (its bytes or a `WebAssembly.Module`, made once): at once where the
 * runtime compiles synchronously (Node, Deno, Bun, workers, workerd, and the browsers tested),
 * else in the background (a browser may refuse a synchronous compile of this size on the main
 * thread with a RangeError: Chromium did above 4 KB until recent versions).
 * Returns the `ready` promise.
 */
export function begin(source) {
  const failed = (error) => {
    state = "failed";
    failure = error;
    return new Error("billing-account-form could not start its WebAssembly module: " + error, { cause: error });
  };
  const module = source();
  try {
    glue.initSync({ module });
    state = "ready";
    readyPromise = Promise.resolve();
  } catch (error) {
    // Only a size limit on the main thread is worth a second try, asynchronously;
    // a module that does not compile (or a CSP without 'wasm-unsafe-eval') fails either way.
    readyPromise =
      error instanceof RangeError
        ? glue.default({ module_or_path: module }).then(
            () => {
              state = "ready";
            },
            (error) => {
              throw failed(error);
            },
          )
        : Promise.reject(failed(error));
    // Marked handled: a page that never awaits `ready` is told when it calls, not by an
    // unhandled rejection.
    readyPromise.catch(() => {});
  }
  return readyPromise;
}

/** The promise `begin` returned. */
export const whenReady = () => readyPromise;

/** Whether the module has started. */
export const started = () => state === "ready";

/** Throws, naming `ready`, when `name` is called before the module has started. */
export function guard(name) {
  if (state === "ready") return;
  if (state === "failed") {
    throw new Error(`billing-account-form: ${name}() cannot run: the WebAssembly module failed to start (${failure}). See \`ready\`.`);
  }
  throw new Error(`billing-account-form: ${name}() was called before the WebAssembly module started: \`await ready\` first.`);
}

export { glue };

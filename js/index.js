// Browser and bundler entry: fetches the wasm next to this file, then exposes the API.
import init from "./billing_account_form.js";

await init({
  module_or_path: new URL("./billing_account_form_bg.wasm", import.meta.url),
});

export * from "./api.js";

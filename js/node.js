// Node entry: reads the wasm next to this file synchronously, then exposes the API.
import { readFileSync } from "node:fs";
import { initSync } from "./billing_account_form.js";

initSync({
  module: readFileSync(new URL("./billing_account_form_bg.wasm", import.meta.url)),
});

export * from "./api.js";

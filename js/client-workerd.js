// Entry `billing-account-form/client` in workerd: the client's wasm is imported compiled and
// started on the first call.
// Named, not a namespace: a bundler then leaves out what the client does not use (the schemas).
import { validateCreate, validateUpdate, fieldMessage, ready } from "./workerd.js";
import * as glue from "./wasm-client/glue.js";
import module from "./wasm-client/client.wasm";
import { clientOver } from "./client-core.js";

export { ApiError, isApiError } from "./client-core.js";

async function load() {
  glue.initSync({ module });
  return glue;
}

export const {
  createBillingAccount,
  updateBillingAccount,
  getBillingAccount,
  listBillingAccounts,
  findCreatedAccount,
} = clientOver(
  load,
  { validateCreate, validateUpdate, fieldMessage, ready },
);

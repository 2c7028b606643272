// Entry `billing-account-form/client` in workerd: the client's wasm is imported compiled and
// started on the first call.
import * as validation from "./workerd.js";
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
  validation,
);

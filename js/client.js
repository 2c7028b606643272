// Entry `billing-account-form/client`: the API client. Its wasm (inlined, compressed: its start
// is asynchronous anyway) is fetched by the bundle, inflated and started on the first call only.
// Named, not a namespace: a bundler then leaves out what the client does not use (the schemas).
import { validateCreate, validateUpdate, fieldMessage, ready } from "./index.js";
import { inflate } from "./inflate.js";
import { clientOver } from "./client-core.js";

export { ApiError, isApiError } from "./client-core.js";

async function load() {
  const [glue, bytes] = await Promise.all([import("./wasm-client/glue.js"), import("./wasm-client/bytes.js")]);
  await glue.default({ module_or_path: await inflate(bytes.default) });
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

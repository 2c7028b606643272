// The package's surface (DESIGN §3), shared by the browser and Node entries.
// Nothing here calls into wasm while the module loads: the entries initialise it first.
import { standardValidate } from "./billing_account_form.js";

export {
  validateCreate,
  validateUpdate,
  validateField,
  currencies,
  countries,
  limits,
  charCount,
  createBillingAccount,
  updateBillingAccount,
  getBillingAccount,
  listBillingAccounts,
  isApiError,
} from "./billing_account_form.js";

const VENDOR = "billing-account-form";

function schema(request) {
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: VENDOR,
      // The spec's second argument carries `libraryOptions`; a locale there picks the messages.
      validate: (value, options) =>
        standardValidate(request, value, options?.libraryOptions),
    }),
  });
}

/** Standard Schema v1 for a create body. */
export const createSchema = schema("create");
/** Standard Schema v1 for an update body. */
export const updateSchema = schema("update");

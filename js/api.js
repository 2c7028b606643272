// The package's surface (DESIGN §3), shared by the browser and Node entries.
// Nothing here calls into wasm while the module loads: the entries initialise it first.
import { validateCreate, validateUpdate } from "./billing_account_form.js";

export {
  validateCreate,
  validateUpdate,
  validateField,
  validateMany,
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

/** A field error as a Standard Schema issue: the dotted path as keys; the body itself has none. */
const issue = (e) => (e.path === "" ? { message: e.message } : { message: e.message, path: e.path.split(".") });

function schema(validate) {
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: VENDOR,
      // The spec's second argument carries `libraryOptions`; a locale there picks the messages.
      validate: (value, options) => {
        const r = validate(value, options?.libraryOptions);
        return r.ok ? { value: r.value } : { issues: r.errors.map(issue) };
      },
    }),
  });
}

/** Standard Schema v1 for a create body. */
export const createSchema = schema(validateCreate);
/** Standard Schema v1 for an update body. */
export const updateSchema = schema(validateUpdate);

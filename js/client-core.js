// The API client (DESIGN §3), shared by the client entries: bodies are validated by the
// validation module, then sent by the client's own wasm, which starts on the first call.
// Every outcome settles the promise; a rejection is an `ApiError`.

/** What the client's promises reject with: a real `Error` whose fields are own and enumerable. */
export class ApiError extends Error {}
Object.defineProperty(ApiError.prototype, "name", { value: "ApiError", writable: true, configurable: true });

/** Whether `value` is what the client's promises reject with. */
export function isApiError(value) {
  return value instanceof ApiError;
}

function apiError(fields) {
  const error = new ApiError(fields.message);
  // Own and enumerable like the other fields (Error makes `message` non-enumerable).
  delete error.message;
  return Object.assign(error, fields);
}

const LOCALES = ["en", "ar", "id"];
const NOT_LOADED = {
  en: "The API client could not load. Check the connection and try again.",
  ar: "تعذّر تحميل عميل الواجهة البرمجية. تحقّق من الاتصال وحاول مرة أخرى.",
  id: "Klien API tidak dapat dimuat. Periksa koneksi lalu coba lagi.",
};

/** The config's locale where it names one, else English (the client reports a bad one itself). */
function localeOf(config) {
  try {
    const locale = config?.locale;
    return LOCALES.includes(locale) ? locale : "en";
  } catch {
    return "en";
  }
}

/**
 * The four calls over `load()`, which resolves to the client module's exports (started), and
 * the validation entry's `validateCreate`, `validateUpdate` and `ready`.
 */
export function clientOver(load, validation) {
  let loading;
  const module = () => {
    loading ??= load().catch((error) => {
      loading = undefined; // the next call tries again
      throw error;
    });
    return loading;
  };

  async function call(config, run) {
    let client;
    try {
      [client] = await Promise.all([module(), validation.ready]);
    } catch (cause) {
      throw apiError({ kind: "network", message: NOT_LOADED[localeOf(config)], cause: String(cause) });
    }
    try {
      return await run(client);
    } catch (error) {
      // The module's own error objects carry the fields; they become this entry's class.
      if (error instanceof ApiError) throw error;
      throw apiError(typeof error?.kind === "string" ? { ...error } : { kind: "network", message: String(error) });
    }
  }

  const checked = (validate, input, config) => validate(input, { locale: localeOf(config) });

  return {
    createBillingAccount: (config, workspaceId, input) =>
      call(config, (c) => c.createBillingAccount(config, workspaceId, checked(validation.validateCreate, input, config))),
    updateBillingAccount: (config, workspaceId, billingAccountId, patch) =>
      call(config, (c) =>
        c.updateBillingAccount(config, workspaceId, billingAccountId, checked(validation.validateUpdate, patch, config)),
      ),
    getBillingAccount: (config, workspaceId, billingAccountId) =>
      call(config, (c) => c.getBillingAccount(config, workspaceId, billingAccountId)),
    listBillingAccounts: (config, workspaceId) => call(config, (c) => c.listBillingAccounts(config, workspaceId)),
  };
}

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

/** A random `Idempotency-Key` (a UUID v4), one per create. */
function newKey() {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const ADDRESS_KEYS = ["country", "line1", "line2", "city", "state", "postal_code"];
const same = (a, b) => (a ?? null) === (b ?? null);

/** Whether a stored account holds what a normalized create body sent (the server picks a currency when none was sent). */
function holds(account, sent) {
  const fields = ["name", "email", "phone", "description"].every((k) => same(account[k], sent[k]));
  const currency = sent.currency === undefined || account.currency === sent.currency;
  const address = ADDRESS_KEYS.every((k) => same(account.address?.[k], sent.address?.[k]));
  return fields && currency && address;
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

  async function listBillingAccounts(config, workspaceId) {
    return call(config, (c) => c.listBillingAccounts(config, workspaceId));
  }

  return {
    createBillingAccount: (config, workspaceId, input, options) =>
      call(config, (c) => {
        let key;
        try {
          key = options?.idempotencyKey;
        } catch {
          key = null; // a throwing getter: refused by the module as a malformed key
        }
        return c.createBillingAccount(
          config,
          workspaceId,
          checked(validation.validateCreate, input, config),
          key === undefined ? newKey() : key,
        );
      }),
    updateBillingAccount: (config, workspaceId, billingAccountId, patch) =>
      call(config, (c) =>
        c.updateBillingAccount(config, workspaceId, billingAccountId, checked(validation.validateUpdate, patch, config)),
      ),
    getBillingAccount: (config, workspaceId, billingAccountId) =>
      call(config, (c) => c.getBillingAccount(config, workspaceId, billingAccountId)),
    listBillingAccounts,
    /**
     * The account a create whose outcome is unknown made, if it made one: the workspace's newest
     * account holding exactly what `input` validates to; `null` when there is none.
     */
    async findCreatedAccount(config, workspaceId, input) {
      const list = await listBillingAccounts(config, workspaceId);
      await validation.ready;
      const judged = checked(validation.validateCreate, input, config);
      if (!judged.ok) return null;
      const made = list.data.filter((account) => holds(account, judged.value));
      made.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
      return made[0] ?? null;
    },
  };
}

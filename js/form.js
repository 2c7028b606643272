// Entry `billing-account-form/form`: the headless form controller. One store of plain data,
// `subscribe` to hear of changes; no DOM. Every rule, limit and message comes from the
// validation entry; requests go through the client entry (whose wasm starts on the first call).
export { ready } from "./index.js";
import { ready, validateField, validateCreate, validateUpdate, limits, charCount } from "./index.js";
import {
  createBillingAccount,
  updateBillingAccount,
  getBillingAccount,
  listBillingAccounts,
  findCreatedAccount,
} from "./client.js";

/** The form's fields, by the server's dotted path, in the order a form shows them. */
export const FIELD_PATHS = Object.freeze([
  "name",
  "email",
  "phone",
  "description",
  "currency",
  "address.country",
  "address.line1",
  "address.line2",
  "address.city",
  "address.state",
  "address.postal_code",
]);

const LOCALES = ["en", "ar", "id"];
// Code `server` carries the server's own words (English, Laravel's): shown in the form's language.
const SERVER_REFUSED = {
  en: "The server did not accept this value.",
  ar: "لم يقبل الخادم هذه القيمة.",
  id: "Server tidak menerima nilai ini.",
};

const isObject = (v) => typeof v === "object" && v !== null;
const blank = (v) => v === null || v === undefined || v === "" || (isObject(v) && Object.values(v).every(blank));

function getPath(source, path) {
  let node = source;
  for (const key of path.split(".")) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = isObject(node[key]) ? node[key] : (node[key] = {});
  node[keys[keys.length - 1]] = value;
  return target;
}

function same(a, b) {
  if (blank(a) && blank(b)) return true;
  if (isObject(a) && isObject(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => same(a[k], b[k]));
  }
  return a === b;
}

/** The update body: only what differs from `account`; an emptied optional field or address is `null`. */
function diff(normalized, account) {
  const patch = {};
  for (const [key, value] of Object.entries(normalized)) {
    if (same(value, account?.[key])) continue;
    patch[key] = blank(value) ? null : value;
  }
  return patch;
}

/**
 * A billing-account form's state and actions. `options`: `{ mode, account?, workspaceId?, locale?,
 * config? }`; `config` is the client's (`token` or `getToken`, `baseUrl?`, `timeoutMs?`).
 */
export function createBillingAccountForm(options = {}) {
  const max = limits();
  let locale = LOCALES.includes(options.locale) ? options.locale : "en";
  let mode = options.mode === "update" ? "update" : "create";
  let account = options.account ?? null;
  let workspaceId = options.workspaceId ?? "";
  let config = options.config ?? {};
  const values = Object.fromEntries(FIELD_PATHS.map((p) => [p, ""]));
  const touched = new Set();
  /** Errors the server (or the client's own check) returned, by path, until that value changes. */
  let server = new Map();
  let status = "idle";
  let error = null;
  let saved = null;
  /** A create whose outcome is unknown: what was sent, its key, and what looking found. */
  let lost = null;
  /** An update was sent and lost (timeout, broken connection): it may still land. */
  let updateLost = false;
  /** Suggestions (email typos) the person was asked about once and chose to keep. */
  const confirmed = new Set();
  let confirm = [];
  let inFlight = false;
  let busy = null; // "loading" while an account is fetched
  let snapshot;
  const listeners = new Set();

  const kind = () => (mode === "update" ? "update" : "create");
  const fromAccount = (path) => {
    const v = getPath(account, path);
    return typeof v === "string" ? v : "";
  };
  /** A new account's starting values (a country from the browser's region): not a change, not a draft. */
  let defaults = {};
  const baseline = (path) => (mode === "update" ? fromAccount(path) : defaults[path] ?? "");
  if (account) for (const p of FIELD_PATHS) values[p] = fromAccount(p);

  function locked(path) {
    if (mode !== "update") return null;
    const found = validateField("update", path, getPath(account, path) ?? null, { locale });
    return found.find((f) => f.code === "immutable")?.message ?? null;
  }

  /** The body as typed, locked fields left out, a blank address left out (create) or null (update). */
  function body() {
    const out = {};
    for (const p of FIELD_PATHS) {
      if (locked(p) !== null) continue;
      if (mode === "create" && values[p] === "") continue;
      setPath(out, p, values[p]);
    }
    if (mode === "create" && isObject(out.address) && blank(out.address)) delete out.address;
    return out;
  }

  const judge = (b) => (kind() === "create" ? validateCreate(b, { locale }) : validateUpdate(b, { locale }));

  function relocalize(e) {
    if (e.code === "server") return { ...e, message: SERVER_REFUSED[locale] };
    const local = validateField(kind(), e.path, values[e.path] ?? undefined, { locale }).find((x) => x.code === e.code);
    return local ? { ...e, message: local.message } : e;
  }

  function fieldState(path) {
    const lock = locked(path);
    const found = lock !== null ? [] : validateField(kind(), path, values[path], { locale });
    const isTouched = touched.has(path);
    // Until a field is left once, typing shows only what typing on cannot fix: text over its limit.
    let errors = found.filter((f) => f.severity !== "warning" && (isTouched || f.code === "too_long"));
    const warnings = isTouched ? found.filter((f) => f.severity === "warning") : [];
    for (const e of server.get(path) ?? []) if (!errors.some((x) => x.code === e.code)) errors = [...errors, relocalize(e)];
    const limit = max[path];
    const length = typeof limit === "number" ? charCount(values[path]) : 0;
    return {
      value: values[path],
      errors,
      warnings,
      touched: isTouched,
      required: validateField(kind(), path, undefined, { locale }).some((f) => f.code === "required"),
      locked: lock,
      changed: values[path] !== baseline(path),
      counter:
        typeof limit === "number"
          ? { length, max: limit, remaining: limit - length, near: limit - length <= Math.max(10, Math.floor(limit / 10)) }
          : null,
    };
  }

  function build() {
    const fields = {};
    for (const p of FIELD_PATHS) fields[p] = fieldState(p);
    const b = body();
    const verdict = judge(b);
    const formErrors = [...(server.get("") ?? []), ...[...server].flatMap(([p, list]) => (p !== "" && !(p in fields) ? list : []))].map(
      relocalize,
    );
    return Object.freeze({
      mode,
      locale,
      workspaceId,
      account,
      fields,
      formErrors,
      value: b,
      complete: verdict.ok,
      dirty: FIELD_PATHS.some((p) => fields[p].changed),
      status,
      submitting: inFlight,
      loading: busy === "loading",
      error,
      saved,
      confirm,
      unknown: lost && { checking: lost.checking, found: lost.found, lookupFailed: lost.lookupFailed },
    });
  }

  function emit() {
    snapshot = build();
    for (const listener of [...listeners]) listener(snapshot);
  }

  async function clientConfig() {
    const { getToken, token, ...rest } = config;
    const t = typeof getToken === "function" ? await getToken() : token;
    return { ...rest, token: t, locale };
  }

  /** A server's (or the client's own) refusal: field errors on their fields, the rest form-wide. */
  function failed(e) {
    error = e;
    status = "failed";
    server = new Map();
    if (Array.isArray(e?.errors)) {
      for (const fe of e.errors) {
        if (FIELD_PATHS.includes(fe.path)) touched.add(fe.path);
        server.set(fe.path, [...(server.get(fe.path) ?? []), fe]);
      }
    }
  }

  function adopt(next, created, keep = {}) {
    account = next;
    updateLost = false;
    mode = "update";
    for (const p of FIELD_PATHS) values[p] = p in keep ? keep[p] : fromAccount(p);
    touched.clear();
    for (const p of Object.keys(keep)) touched.add(p);
    server = new Map();
    confirmed.clear();
    confirm = [];
    lost = null;
    error = null;
    saved = { account: next, created };
    status = "saved";
  }

  async function send(run) {
    inFlight = true;
    status = "submitting";
    error = null;
    emit();
    try {
      return await run(await clientConfig());
    } finally {
      inFlight = false;
    }
  }

  async function look() {
    lost.checking = true;
    lost.lookupFailed = false;
    status = "checking";
    emit();
    try {
      lost.found = await findCreatedAccount(await clientConfig(), workspaceId, lost.body);
    } catch {
      lost.lookupFailed = true;
    }
    lost.checking = false;
    status = "unknown";
    emit();
    return lost.found ? "found" : "unknown";
  }

  async function create(b, key) {
    const sentValues = { ...values };
    try {
      const made = await send((c) => createBillingAccount(c, workspaceId, b, { idempotencyKey: key }));
      // What was typed while the request ran is kept (and stays a change to the new account).
      const typedSince = {};
      for (const p of FIELD_PATHS) if (values[p] !== sentValues[p]) typedSince[p] = values[p];
      adopt(made, true, typedSince);
      emit();
      return { status: "saved", account: made };
    } catch (e) {
      if (e?.outcomeUnknown) {
        lost = { body: b, key: e.idempotencyKey ?? key, found: null, checking: false, lookupFailed: false };
        error = e;
        return { status: await look(), error: e };
      }
      failed(e);
      emit();
      return { status: "failed", error: e };
    }
  }

  async function submitOnce({ keepWarnings = false } = {}) {
    await ready;
    server = new Map();
    error = null;
    const verdict = form.validate();
    if (!verdict.ok) {
      status = "invalid";
      emit();
      return { status: "invalid", errors: verdict.errors };
    }
    // An email typo's suggestion is asked about once; sending again keeps what was typed.
    const asked = verdict.warnings.filter((w) => w.params?.suggestion !== undefined && !confirmed.has(w.path + "\0" + values[w.path]));
    if (asked.length && !keepWarnings) {
      for (const w of asked) confirmed.add(w.path + "\0" + values[w.path]);
      confirm = asked;
      status = "confirm";
      emit();
      return { status: "confirm", warnings: asked };
    }
    confirm = [];
    if (mode === "create") {
      // A create whose outcome is unknown is never sent blindly again: look first.
      if (lost) {
        const seen = await look();
        if (seen === "found") return { status: "found", account: lost.found };
        const sameBody = JSON.stringify(verdict.value) === JSON.stringify(lost.body);
        return create(verdict.value, sameBody ? lost.key : undefined);
      }
      return create(verdict.value, undefined);
    }
    if (!account) return { status: "invalid", errors: [] };
    if (updateLost) {
      // The lost update may have landed (or may yet): read the account again first, so what is
      // sent now is the difference from what the server holds, and a late write shows up here
      // instead of being silently overwritten. (What remains: a lost update that lands after
      // this read can still overwrite the next one; the API has no preconditions to prevent it.)
      const id = account.id;
      try {
        account = await send((c) => getBillingAccount(c, workspaceId, id));
        updateLost = false;
      } catch (e) {
        failed(e);
        emit();
        return { status: "failed", error: e };
      }
    }
    const patch = diff(verdict.value, account);
    if (Object.keys(patch).length === 0) {
      status = "unchanged";
      emit();
      return { status: "unchanged" };
    }
    const id = account.id;
    try {
      const next = await send((c) => updateBillingAccount(c, workspaceId, id, patch));
      adopt(next, false);
      emit();
      return { status: "saved", account: next };
    } catch (e) {
      if (e?.outcomeUnknown) updateLost = true;
      failed(e);
      emit();
      return { status: "failed", error: e };
    }
  }

  let guard = false;

  const form = {
    getState: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(path, value) {
      if (!FIELD_PATHS.includes(path)) throw new TypeError(`unknown field: ${path}`);
      values[path] = typeof value === "string" ? value : value == null ? "" : String(value);
      server.delete(path);
      if (path === "email") confirm = [];
      if (status === "saved") status = "idle";
      emit();
    },
    touch(path) {
      if (touched.has(path)) return;
      touched.add(path);
      emit();
    },
    setLocale(next) {
      if (!LOCALES.includes(next) || next === locale) return;
      locale = next;
      confirm = confirm.map((w) => validateField(kind(), w.path, values[w.path], { locale }).find((x) => x.code === w.code) ?? w);
      emit();
    },
    configure(next = {}) {
      if ("workspaceId" in next) workspaceId = next.workspaceId ?? "";
      if ("config" in next) config = next.config ?? {};
      emit();
    },
    /** Every field as a submit sees it: all marked touched; the library's verdict on the body. */
    validate() {
      for (const p of FIELD_PATHS) touched.add(p);
      const verdict = judge(body());
      emit();
      return verdict;
    },
    /** For an update, what a submit would send: only what changed, an emptied field as `null`. */
    patch() {
      const verdict = validateUpdate(body(), { locale });
      return verdict.ok ? diff(verdict.value, account) : null;
    },
    /** Puts the suggested value of a warning (an email typo's fix) in its field. */
    accept(path) {
      const w = validateField(kind(), path, values[path], { locale }).find((x) => x.params?.suggestion !== undefined);
      if (!w) return false;
      form.set(path, String(w.params.suggestion));
      return true;
    },
    async submit(options) {
      // Taken before the first await: a second call in the same tick is refused too.
      if (guard || inFlight || lost?.checking) return { status: "busy" };
      guard = true;
      try {
        return await submitOnce(options);
      } finally {
        guard = false;
      }
    },
    /** After a create whose outcome is unknown: look again for the account it may have made. */
    checkAgain: () => (lost && !guard ? look() : Promise.resolve("none")),
    /** Opens the account a lost create made, for editing. */
    openFound() {
      if (!lost?.found) return false;
      adopt(lost.found, true);
      emit();
      return true;
    },
    /** Sends the create although its first try's outcome is unknown (a found account stays). */
    async createAnyway() {
      if (!lost || inFlight || guard) return { status: "busy" };
      const verdict = judge(body());
      if (!verdict.ok) return form.submit();
      const key = !lost.found && JSON.stringify(verdict.value) === JSON.stringify(lost.body) ? lost.key : undefined;
      lost = null;
      return create(verdict.value, key);
    },
    /** Edits `next` (an account) or the account with this ID, fetched. */
    async load(next) {
      if (isObject(next)) {
        adopt(next, false);
        saved = null;
        status = "idle";
        emit();
        return next;
      }
      busy = "loading";
      emit();
      try {
        const got = await getBillingAccount(await clientConfig(), workspaceId, next);
        adopt(got, false);
        saved = null;
        status = "idle";
        return got;
      } catch (e) {
        failed(e);
        return null;
      } finally {
        busy = null;
        emit();
      }
    },
    /** The workspace's accounts (for a picker, or to see whether it is full). */
    accounts: async () => listBillingAccounts(await clientConfig(), workspaceId),
    /** Empties the form (create), or puts the account's values back (update). */
    reset() {
      if (inFlight) return false;
      for (const p of FIELD_PATHS) values[p] = baseline(p);
      touched.clear();
      server = new Map();
      confirm = [];
      confirmed.clear();
      lost = null;
      error = null;
      status = "idle";
      emit();
      return true;
    },
    /** A new account's starting values (e.g. `{ "address.country": "ZA" }`): filled into empty fields of a create. */
    setDefaults(next = {}) {
      defaults = {};
      for (const [p, v] of Object.entries(next)) if (FIELD_PATHS.includes(p) && typeof v === "string") defaults[p] = v;
      if (mode === "create") for (const [p, v] of Object.entries(defaults)) if (values[p] === "") values[p] = v;
      emit();
    },
    /** Starts a new create (after a save, or to leave editing). */
    startCreate() {
      if (inFlight) return false;
      mode = "create";
      account = null;
      saved = null;
      return form.reset();
    },
    /** What to keep of an unsent draft: the mode, the account, and the values typed. Never the token. */
    get draft() {
      const kept = {};
      for (const p of FIELD_PATHS) {
        if (locked(p) !== null) continue;
        if (values[p] !== baseline(p)) kept[p] = values[p];
      }
      return { version: 1, mode, accountId: account?.id ?? null, values: kept };
    },
    /** Puts a kept draft back when it belongs to this form (same mode and account); says whether it did. */
    restore(draft) {
      if (!isObject(draft) || draft.version !== 1 || draft.mode !== mode || (draft.accountId ?? null) !== (account?.id ?? null)) return false;
      if (!isObject(draft.values)) return false;
      let any = false;
      for (const [p, v] of Object.entries(draft.values)) {
        if (!FIELD_PATHS.includes(p) || typeof v !== "string" || locked(p) !== null) continue;
        values[p] = v;
        touched.add(p);
        any = true;
      }
      emit();
      return any;
    },
  };
  snapshot = build();
  return form;
}

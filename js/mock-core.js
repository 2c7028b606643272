// The stand-in API's behaviour in JavaScript, shared by the MSW handlers (`./mock`) and the
// `billing-account-form stand-in` bin: the same routes, store, faults and answers as the Rust
// stand-in (devserver/src), with bodies judged by this package's own validation module and
// 422s worded by the core's Laravel templates (mock-messages.js, generated from
// src/api/laravel.rs). The contract suite (tests/mock/contract.test.mjs) holds both to it.
import { validateCreate, validateUpdate } from "./index.js";
import { MESSAGES } from "./mock-messages.js";

export const LIST_ROUTE = "/workspaces/{workspaceId}/billing-accounts";
export const ACCOUNT_ROUTE = "/workspaces/{workspaceId}/billing-accounts/{billingAccountId}";

/** The stand-in's workspaces, one per billing mode. */
export const DEFAULT_WORKSPACES = Object.freeze([
  Object.freeze({ id: "ws_single", billingMode: "single", limit: 1 }),
  Object.freeze({ id: "ws_pooled", billingMode: "pooled", limit: 10 }),
  Object.freeze({ id: "ws_assigned", billingMode: "assigned", limit: 10 }),
]);
export const DEFAULT_WORKSPACE = "ws_pooled";

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_KEYS = 10_000;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ADDRESS_KEYS = ["country", "line1", "line2", "city", "state", "postal_code"];

/** Which API route a path is: [route, workspace, account id?], or null. */
export function route(path) {
  if (!path.startsWith("/workspaces/")) return null;
  const parts = path.slice("/workspaces/".length).split("/");
  if (parts.length < 2 || parts[1] !== "billing-accounts") return null;
  if (parts.length === 2) return [LIST_ROUTE, parts[0], undefined];
  if (parts.length === 3 && parts[2] !== "") return [ACCOUNT_ROUTE, parts[0], parts[2]];
  return null;
}

/** The API's timestamp: `2025-10-29T00:40:06.000000Z`. */
export function timestamp(ms = Date.now()) {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

function randomId(prefix, length) {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = prefix;
  for (const b of bytes) id += ALPHANUMERIC[b % 62];
  return id;
}

/** A JSON answer. `body` is text already, or a value to serialize. */
function answer(status, body, headers = {}) {
  return { status, headers: { "Content-Type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) };
}
const message = (status, text, headers) => answer(status, { message: text }, headers);

/** The account as the API returns it: members in the reference's order, `null` where empty. */
export function accountJson(a) {
  const address =
    a.address == null ? null : Object.fromEntries(ADDRESS_KEYS.map((k) => [k, a.address[k] ?? null]));
  return {
    id: a.id,
    workspace_id: a.workspace_id,
    name: a.name,
    email: a.email,
    phone: a.phone ?? null,
    description: a.description ?? null,
    currency: a.currency,
    address,
    created_at: a.created_at,
    updated_at: a.updated_at,
  };
}

/** An address with nothing in it is no address. */
function addressOrNone(address) {
  if (address == null) return null;
  const kept = Object.fromEntries(ADDRESS_KEYS.filter((k) => address[k] != null).map((k) => [k, address[k]]));
  return Object.keys(kept).length ? kept : null;
}

/** Code-point order (UTF-8 byte order), as Rust compares strings. */
function byCodePoint(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** `v` with every object's members sorted, as the Rust stand-in's parser (serde_json's map) holds them. */
function sorted(v) {
  if (Array.isArray(v)) return v.map(sorted);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.keys(v).sort(byCodePoint).map((k) => [k, sorted(v[k])]));
}

/**
 * The body as Laravel reads it: a JSON object or array; anything else is no input at all.
 * Members sorted as the Rust stand-in reads them, so unknown keys are reported in its order.
 */
function bodyValue(text) {
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === "object" ? sorted(v) : null;
  } catch {
    return null;
  }
}

/** Laravel's message for one finding (the core's templates, src/api/laravel.rs). */
function serverMessage(e) {
  const key = e.code === "type" && e.params?.expected === "object" ? "type_object" : e.code;
  const template = MESSAGES[key] ?? MESSAGES.server;
  return template.replace(":attribute", e.path.replaceAll("_", " ")).replace(":max", String(e.params?.max ?? "?"));
}

/** Laravel's 422: `{message: first (and N more errors), errors: {path: [message]}}`, in order. */
export function unprocessable(errors) {
  const messages = errors.map((e) => [e.path, serverMessage(e)]);
  let summary = messages[0]?.[1] ?? "";
  if (messages.length === 2) summary += " (and 1 more error)";
  else if (messages.length > 2) summary += ` (and ${messages.length - 1} more errors)`;
  // Written by hand, as the Rust stand-in does: an object would reorder numeric keys.
  const list = messages.map(([path, text]) => `${JSON.stringify(path)}:[${JSON.stringify(text)}]`).join(",");
  return answer(422, `{"message":${JSON.stringify(summary)},"errors":{${list}}}`);
}

/** What makes two bodies the same request: the JSON value, members sorted; else the text. */
function fingerprint(text) {
  try {
    return "j" + JSON.stringify(sorted(JSON.parse(text)));
  } catch {
    return "t" + text;
  }
}

/** Whether `key` is an Idempotency-Key the stand-in accepts: 1 to 255 visible ASCII characters or spaces. */
const validKey = (key) => /^[\x20-\x7e]{1,255}$/.test(key);

const KINDS = ["delay", "status", "malformed", "drop"];

/**
 * A fault from its description: the Rust stand-in's JSON (`fault`, `delay_ms`, `retry_after`,
 * `body_contains`, `content_type`) or the same in camelCase. Throws a TypeError when it is wrong.
 */
export function parseFault(spec) {
  if (spec === null || typeof spec !== "object") throw new TypeError("a fault is an object");
  const get = (snake, camel) => spec[snake] ?? spec[camel];
  const text = (snake, camel) => {
    const v = get(snake, camel);
    if (v == null) return undefined;
    if (typeof v === "number" && snake === "retry_after") return String(v);
    if (typeof v !== "string") throw new TypeError(`"${snake}" must be a string`);
    return v;
  };
  const number = (snake, camel, fallback, max) => {
    const v = get(snake, camel);
    if (v == null) return fallback;
    if (!Number.isInteger(v) || v < 0 || v > max) throw new TypeError(`"${snake}" must be a whole number up to ${max}`);
    return v;
  };
  // In camelCase, the kind may be left out: a status makes it "status", else a delay.
  const fault = text("fault", "fault") ?? (spec.status != null ? "status" : spec.delayMs != null && spec.fault === undefined && !("fault" in spec) ? "delay" : undefined);
  if (!KINDS.includes(fault)) throw new TypeError('"fault" must be one of delay, status, malformed, drop');
  const status = number("status", "status", 503, 599);
  if (fault === "status" && status < 200) throw new TypeError('"status" must be from 200 to 599');
  return {
    method: text("method", "method")?.toUpperCase(),
    path: text("path", "path"),
    bodyContains: text("body_contains", "bodyContains"),
    fault,
    status,
    retryAfter: text("retry_after", "retryAfter"),
    body: text("body", "body"),
    contentType: text("content_type", "contentType"),
    delayMs: number("delay_ms", "delayMs", 0, 120_000),
    remaining: number("times", "times", 1, 1_000),
    hits: 0,
  };
}

/**
 * One stand-in: its accounts, idempotency keys, queued faults and request counts.
 * options: { token?, workspaces?: [{ id, billingMode?, limit }], accounts?: BillingAccount[],
 *            onChange?(accounts) (after every change: the bin's data file) }
 */
export function createStandIn(options = {}) {
  const workspaces = (options.workspaces ?? DEFAULT_WORKSPACES).map((w) => ({
    id: w.id,
    billingMode: w.billingMode ?? (w.limit === 1 ? "single" : "pooled"),
    limit: w.limit ?? (w.billingMode === "single" ? 1 : 10),
  }));
  const modeOf = (id) => workspaces.find((w) => w.id === id);
  let accounts = (options.accounts ?? []).map(accountJson);
  const unknown = accounts.find((a) => !modeOf(a.workspace_id));
  if (unknown) throw new TypeError(`an account of an unknown workspace ${unknown.workspace_id}`);
  let keys = new Map();
  let faults = [];
  let nextFaultId = 0;
  let byRoute = {};
  let byPath = {};

  const changed = () => options.onChange?.(accounts.map(accountJson));
  const inWorkspace = (ws) => accounts.filter((a) => a.workspace_id === ws);
  const find = (ws, id) => accounts.find((a) => a.workspace_id === ws && a.id === id);

  function describe(f, id) {
    return {
      id,
      method: f.method ?? null,
      path: f.path ?? null,
      body_contains: f.bodyContains ?? null,
      fault: f.fault,
      delay_ms: f.delayMs,
      remaining: f.remaining,
      hits: f.hits,
    };
  }

  /** Counts an API request, then takes the first fault it matches. */
  function takeFault(method, routeName, path, body) {
    byRoute[`${method} ${routeName}`] = (byRoute[`${method} ${routeName}`] ?? 0) + 1;
    byPath[`${method} ${path}`] = (byPath[`${method} ${path}`] ?? 0) + 1;
    const f = faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === undefined || f.method === method) &&
        (f.path === undefined || path.startsWith(f.path)) &&
        (f.bodyContains === undefined || body.includes(f.bodyContains)),
    );
    if (!f) return undefined;
    f.remaining -= 1;
    f.hits += 1;
    return f;
  }

  function authorized(header) {
    if (options.token === undefined) return true;
    const space = header?.indexOf(" ") ?? -1;
    if (space < 0) return false;
    return header.slice(0, space).toLowerCase() === "bearer" && header.slice(space + 1).trim() === options.token;
  }

  function create(ws, mode, body, key) {
    if (key !== null && key !== undefined && !validKey(key)) {
      return message(400, "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
    }
    const now = Date.now();
    const print = key == null ? undefined : fingerprint(body);
    if (key != null) {
      for (const [k, e] of keys) {
        if (now - e.at < DAY_MS && keys.size <= MAX_KEYS) break;
        keys.delete(k);
      }
      const seen = keys.get(`${ws}\n${key}`);
      if (seen && seen.fingerprint === print) return answer(seen.status, seen.answer, { "Idempotent-Replayed": "true" });
      if (seen) {
        return message(422, "This Idempotency-Key was used in the last 24 hours with a different body; use a new key for a new billing account.");
      }
    }
    const checked = validateCreate(bodyValue(body), { locale: "en" });
    if (!checked.ok) return unprocessable(checked.errors);
    const count = inWorkspace(ws).length;
    if (count >= mode.limit) {
      const allows = mode.limit === 1 ? "1 billing account" : `up to ${mode.limit} billing accounts`;
      return message(409, `Workspace ${ws} is in ${mode.billingMode} billing mode, which allows ${allows}; it already has ${count}.`);
    }
    const at = timestamp(now);
    let id;
    do id = randomId("cus_", 14);
    while (accounts.some((a) => a.id === id));
    const v = checked.value;
    const account = accountJson({
      id,
      workspace_id: ws,
      name: v.name,
      email: v.email,
      phone: v.phone,
      description: v.description,
      currency: v.currency ?? "usd",
      address: addressOrNone(v.address),
      created_at: at,
      updated_at: at,
    });
    accounts.push(account);
    try {
      changed();
    } catch (error) {
      accounts.pop();
      return message(500, "Server Error");
    }
    const text = JSON.stringify(account);
    if (key != null) {
      keys.delete(`${ws}\n${key}`);
      keys.set(`${ws}\n${key}`, { fingerprint: print, status: 201, answer: text, at: now });
    }
    return answer(201, text);
  }

  function update(ws, id, body) {
    const before = find(ws, id);
    if (!before) return message(404, "Billing account not found.");
    const checked = validateUpdate(bodyValue(body), { locale: "en" });
    if (!checked.ok) return unprocessable(checked.errors);
    const patch = checked.value;
    const after = { ...before };
    for (const k of ["name", "email", "phone", "description"]) if (k in patch) after[k] = patch[k];
    // The address is replaced whole: the request cannot say a line is to be kept.
    if ("address" in patch) after.address = addressOrNone(patch.address);
    after.updated_at = timestamp();
    const account = accountJson(after);
    const i = accounts.indexOf(before);
    accounts[i] = account;
    try {
      changed();
    } catch {
      accounts[i] = before;
      return message(500, "Server Error");
    }
    return answer(200, account);
  }

  function api(method, routeName, ws, id, headers, body) {
    const mode = modeOf(ws);
    if (!mode) return message(404, "Workspace not found.");
    if (routeName === LIST_ROUTE && method === "GET") {
      return answer(200, { data: inWorkspace(ws), has_more: false });
    }
    if (routeName === LIST_ROUTE && method === "POST") return create(ws, mode, body, headers.get("idempotency-key"));
    if (routeName === ACCOUNT_ROUTE && method === "GET") {
      const a = find(ws, id);
      return a ? answer(200, a) : message(404, "Billing account not found.");
    }
    if (routeName === ACCOUNT_ROUTE && method === "PATCH") return update(ws, id, body);
    return routeName === LIST_ROUTE
      ? message(405, "The method is not supported for this route. Supported methods: GET, POST.", { Allow: "GET, POST, OPTIONS" })
      : message(405, "The method is not supported for this route. Supported methods: GET, PATCH.", { Allow: "GET, PATCH, OPTIONS" });
  }

  /**
   * Answers one API request: { method, path, headers: Headers, body: string } →
   * { status, headers, body } | { drop: true }, after `delayMs` (the caller waits: `delay`).
   */
  async function handle({ method, path, headers, body = "" }, delay) {
    const r = route(path);
    if (!r) return message(404, "Not Found.");
    const [routeName, ws, id] = r;
    const f = takeFault(method, routeName, path, body);
    if (f) {
      if (f.delayMs > 0) await delay(f.delayMs);
      if (f.fault === "drop") return { drop: true };
      if (f.fault === "malformed") return answer(200, '{"id":"cus_');
      if (f.fault === "status") {
        const h = f.retryAfter === undefined ? {} : { "Retry-After": f.retryAfter };
        if (f.body !== undefined) return { status: f.status, headers: { "Content-Type": f.contentType ?? "application/json", ...h }, body: f.body };
        return message(f.status, reason(f.status), h);
      }
    }
    if (!authorized(headers.get("authorization"))) return message(401, "Unauthenticated.", { "WWW-Authenticate": "Bearer" });
    return api(method, routeName, ws, id, headers, body);
  }

  return {
    handle,
    authorized,
    /** Queues a fault; returns its description (with `id`). */
    fault(spec) {
      const id = ++nextFaultId; // taken even when the description is refused, as the Rust stand-in does
      const f = parseFault(spec);
      f.id = id;
      faults.push(f);
      return describe(f, f.id);
    },
    faults: () => faults.map((f) => describe(f, f.id)),
    clearFaults() {
      faults = [];
    },
    stats: () => ({ routes: { ...byRoute }, paths: { ...byPath } }),
    resetStats() {
      byRoute = {};
      byPath = {};
    },
    /** Empties the accounts, idempotency keys, faults and counts. */
    reset() {
      const before = accounts;
      accounts = [];
      try {
        changed();
      } catch (error) {
        accounts = before;
        throw error;
      }
      keys = new Map();
      faults = [];
      byRoute = {};
      byPath = {};
    },
    accounts: () => accounts.map(accountJson),
    workspaces: () => workspaces.map((w) => ({ ...w })),
  };
}

// devserver's reason phrases (devserver/src/http.rs).
const REASONS = {
  100: "Continue", 200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found",
  304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
  405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 411: "Length Required",
  413: "Content Too Large", 421: "Misdirected Request", 422: "Unprocessable Content", 429: "Too Many Requests",
  431: "Request Header Fields Too Large", 500: "Internal Server Error", 502: "Bad Gateway",
  503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
};
/** The reason phrase the Rust stand-in writes for `status`. */
export const reason = (status) => REASONS[status] ?? "Status";

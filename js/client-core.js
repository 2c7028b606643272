// The API client (DESIGN §3), shared by the client entries: bodies are validated by the
// validation module; the client's own wasm, which starts on the first call, checks each call and
// builds its request, reads every answer and decides retries; the loop here sends it with the
// global `fetch` (browsers, Node 20+, Deno, Bun, workerd) under one deadline.
// Every outcome settles the promise; a rejection is an `ApiError`.
import { concat } from "./bytes.js";

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

/** The config's members the client module reads. */
const CONFIG_KEYS = ["token", "baseUrl", "timeoutMs", "locale", "signal"];

/**
 * The config as it is when the call is made (the client module may start later, on the first
 * call): its members copied, a getter that throws copied as NaN, which the module refuses as
 * malformed (`format`), as it does when it meets the getter itself.
 */
function configNow(config) {
  if (typeof config !== "object" || config === null) return config;
  const copy = {};
  for (const key of CONFIG_KEYS) {
    try {
      copy[key] = config[key];
    } catch {
      copy[key] = NaN;
    }
  }
  return copy;
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

/** One call's time budget: the timeout and the caller's signal, as one abort signal. */
class Deadline {
  constructor(ms, caller) {
    this.controller = new AbortController();
    this.caller = caller;
    this.end = performance.now() + ms;
    this.stop = () => this.controller.abort();
    this.timer = setTimeout(this.stop, ms);
    if (caller) {
      if (caller.aborted) this.stop();
      else caller.addEventListener("abort", this.stop);
    }
  }
  get signal() {
    return this.controller.signal;
  }
  /** 0 running, 1 timed out, 2 cancelled by the caller. */
  state() {
    return this.caller?.aborted ? 2 : this.controller.signal.aborted ? 1 : 0;
  }
  remaining() {
    return Math.max(0, this.end - performance.now());
  }
  /** Resolves after `ms`, or at once when the deadline stops. */
  sleep(ms) {
    const signal = this.controller.signal;
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done);
    });
  }
  /** Clears the timer and the listener on the caller's signal, so neither keeps a Node process
   * alive nor a long-lived signal holding on to finished calls. */
  dispose() {
    clearTimeout(this.timer);
    this.caller?.removeEventListener("abort", this.stop);
  }
}

/**
 * The body, chunk by chunk, stopped once it is longer than `cap` (the module calls that
 * invalid_response) or the deadline passes: an endless or huge body can neither fill the page's
 * memory nor outlive the timeout (a body read through arrayBuffer() did both in Node, measured:
 * 15 s on an endless body with a 5 s timeout). The clock is read here too, as a busy stream can
 * hold the deadline's timer back.
 */
async function readBody(stream, cap, deadline) {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      if (deadline.remaining() <= 0) deadline.stop();
      if (deadline.state() !== 0) throw new Error("stopped");
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
      if (size > cap) break;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  return concat(parts, Math.min(size, cap + 1));
}

/** A uniform random u32: the jitter of the retry policy's backoff. */
const jitter = () => Math.floor(Math.random() * 4294967296);

/**
 * One try of `exchange`, sending `request` (its `request`): the value of its answer, or `undefined` with the failure told to the
 * exchange. A 2xx or 422 that does not say it is JSON is refused without its body being read (a
 * body that will not be read is cancelled; a stream that already failed rejects, which must not
 * become an unhandled rejection: Node ends the process on one).
 */
async function attempt(exchange, request, deadline) {
  let response;
  try {
    // The token goes to this origin only: a redirect is not followed (it reads as
    // invalid_response), and no cookies or other ambient credentials go along.
    response = await globalThis.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: deadline.signal,
      redirect: "manual",
      credentials: "omit",
    });
  } catch {
    return exchange.failed(deadline.state());
  }
  const { status, headers } = response;
  if (exchange.refused(status, headers.get("Content-Type") ?? undefined)) {
    response.body?.cancel().catch(() => {});
    return;
  }
  let body;
  try {
    body = await readBody(response.body, request.maxResponseBytes, deadline);
  } catch {
    return exchange.failed(deadline.state());
  }
  return exchange.read(status, headers.get("Retry-After") ?? undefined, body, Date.now());
}

/**
 * Sends `exchange` (what the client module built for one call) and resolves to its answer's
 * value, retrying as the module says, all within the config's timeout and the caller's signal;
 * else rejects with the last failure's fields.
 */
async function send(exchange) {
  const request = exchange.request;
  const deadline = new Deadline(request.timeoutMs, exchange.signal);
  // Whether a request has gone to fetch: from then on a failure may leave the server having done it.
  let sent = false;
  try {
    for (let attempts = 1; ; attempts++) {
      const stopped = deadline.state();
      if (stopped !== 0) {
        exchange.failed(stopped);
        break;
      }
      sent = true;
      const value = await attempt(exchange, request, deadline);
      if (value !== undefined) return value;
      const wait = exchange.retryDelay(attempts, jitter(), deadline.remaining());
      if (wait === undefined) break;
      // Resolves early when the deadline stops; the loop then answers with the timeout or the
      // cancellation.
      await deadline.sleep(wait);
    }
    throw exchange.error(sent);
  } finally {
    deadline.dispose();
    exchange.free();
  }
}

/**
 * The four calls over `load()`, which resolves to the client module's exports (started), and
 * the validation entry's `validateCreate`, `validateUpdate`, `fieldMessage` and `ready`.
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

  /** `run` on the started module; `body`, for a create or an update, gives its judgement's text. */
  async function call(config, run, body) {
    let client;
    try {
      [client] = await Promise.all([module(), validation.ready]);
    } catch (cause) {
      throw apiError({ kind: "network", message: NOT_LOADED[localeOf(config)], cause: String(cause) });
    }
    try {
      // The module reads the arguments and builds the request (or throws an error's fields).
      return await send(run(client));
    } catch (error) {
      // The module's own error objects carry the fields; they become this entry's class.
      if (error instanceof ApiError) throw error;
      if (typeof error?.kind !== "string") throw apiError({ kind: "network", message: String(error) });
      // The client's wasm has no message table: its own field errors (config, IDs, a 422's) come
      // with an empty message, rendered here by the validation module.
      for (const e of error.errors ?? []) if (e.message === "") e.message = validation.fieldMessage(e, localeOf(config));
      // A refused body's errors are the judgement's, which the module does not copy: they go
      // after the IDs' errors, as the core orders them.
      if (error.bodyErrors) {
        delete error.bodyErrors;
        error.errors.push(...(JSON.parse(body()).errors ?? []));
      }
      throw apiError({ ...error });
    }
  }

  const judge = (validate, input, config) => validate(input, { locale: localeOf(config) });
  // What the client module takes: the judgement as JSON text (it reads JSON, not JS values).
  const checked = (validate, input, config) => JSON.stringify(judge(validate, input, config));
  // The body judged when the call is made, so a caller that changes its object right after (a
  // form clearing its state) still sends what it asked to send. Where the validation module has
  // not started yet (a browser that compiles it in the background), it is judged once it has.
  const judgedNow = (validate, input, config) => {
    try {
      const text = checked(validate, input, config);
      return () => text;
    } catch {
      let text;
      return () => (text ??= checked(validate, input, config));
    }
  };

  async function listBillingAccounts(config, workspaceId) {
    const cfg = configNow(config);
    return call(cfg, (c) => c.listBillingAccounts(cfg, workspaceId));
  }

  return {
    createBillingAccount(config, workspaceId, input, options) {
      const cfg = configNow(config);
      let key;
      try {
        key = options?.idempotencyKey;
      } catch {
        key = null; // a throwing getter: refused by the module as a malformed key
      }
      const body = judgedNow(validation.validateCreate, input, cfg);
      return call(cfg, (c) => c.createBillingAccount(cfg, workspaceId, body(), key === undefined ? newKey() : key), body);
    },
    updateBillingAccount(config, workspaceId, billingAccountId, patch) {
      const cfg = configNow(config);
      const body = judgedNow(validation.validateUpdate, patch, cfg);
      return call(cfg, (c) => c.updateBillingAccount(cfg, workspaceId, billingAccountId, body()), body);
    },
    getBillingAccount(config, workspaceId, billingAccountId) {
      const cfg = configNow(config);
      return call(cfg, (c) => c.getBillingAccount(cfg, workspaceId, billingAccountId));
    },
    listBillingAccounts,
    /**
     * The account a create whose outcome is unknown made, if it made one: the workspace's newest
     * account holding exactly what `input` validates to; `null` when there is none.
     */
    async findCreatedAccount(config, workspaceId, input) {
      const cfg = configNow(config);
      const body = judgedNow(validation.validateCreate, input, cfg);
      const list = await listBillingAccounts(cfg, workspaceId);
      await validation.ready;
      const judged = JSON.parse(body());
      if (!judged.ok) return null;
      const made = list.data.filter((account) => holds(account, judged.value));
      made.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
      return made[0] ?? null;
    },
  };
}

// Entry `billing-account-form/mock`: the stand-in API as Mock Service Worker (MSW 2) request
// handlers, stateful per handler set, with the package's own validation behind them.
//
//   import { setupServer } from "msw/node";
//   import { createHandlers } from "billing-account-form/mock";
//   const handlers = createHandlers({ token: "test" });
//   const server = setupServer(...handlers);
//   handlers.fault({ method: "POST", status: 503, times: 1 });
import { http, HttpResponse, delay } from "msw";
import { createStandIn, DEFAULT_WORKSPACES } from "./mock-core.js";

export { DEFAULT_WORKSPACES };

const DEFAULT_BASE_URL = "https://v1.api.altostrat.io";

/** MSW handlers of one stand-in: the four calls (and the stand-in's 405s) on `options.baseUrl`. */
export function createHandlers(options = {}) {
  const base = new URL(options.baseUrl ?? DEFAULT_BASE_URL);
  const prefix = base.pathname.replace(/\/+$/, "");
  const root = `${base.origin}${prefix}`;
  const standIn = createStandIn(options);

  const resolver = async ({ request }) => {
    const url = new URL(request.url);
    const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    const out = await standIn.handle(
      { method: request.method, path: url.pathname.slice(prefix.length), headers: request.headers, body },
      (ms) => delay(ms),
    );
    if (out.drop) return HttpResponse.error();
    return new HttpResponse(out.body, {
      status: out.status,
      headers: { ...out.headers, "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After, Date" },
    });
  };
  const list = `${root}/workspaces/:workspaceId/billing-accounts`;
  const account = `${list}/:billingAccountId`;
  const handlers = [
    http.post(list, resolver),
    http.get(list, resolver),
    http.get(account, resolver),
    http.patch(account, resolver),
    // Any other method on the two routes: the stand-in's 405 with `Allow`.
    http.all(list, ({ request }) => (request.method === "OPTIONS" ? undefined : resolver({ request }))),
    http.all(account, ({ request }) => (request.method === "OPTIONS" ? undefined : resolver({ request }))),
  ];

  return Object.assign(handlers, {
    /** Queues a fault: { method?, path?, bodyContains?, fault?, status?, retryAfter?, body?, contentType?, delayMs?, times? }. */
    fault: (spec) => standIn.fault(spec),
    /** The faults still queued, with their hits. */
    faults: () => standIn.faults(),
    /** Empties the accounts, idempotency keys, faults and request counts. */
    reset: () => standIn.reset(),
    /** Request counts: { routes: { "POST /workspaces/{workspaceId}/billing-accounts": n }, paths: { "POST /workspaces/ws_pooled/billing-accounts": n } }. */
    stats: () => standIn.stats(),
    /** How many requests `"METHOD /path"` (a path or a route) has had. */
    count: (key) => standIn.stats().paths[key] ?? standIn.stats().routes[key] ?? 0,
    /** Every account held, in creation order. */
    accounts: () => standIn.accounts(),
  });
}

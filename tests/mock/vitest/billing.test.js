// A frontend team's Vitest suite: the package's own client against the package's MSW handlers.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { setupServer } from "msw/node";
import { createHandlers } from "billing-account-form/mock";
import { createBillingAccount, listBillingAccounts, updateBillingAccount } from "billing-account-form/client";

const handlers = createHandlers({ token: "test-token" });
const server = setupServer(...handlers);
const config = { token: "test-token", locale: "en" }; // the default base URL: the API's own

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => handlers.reset());
afterAll(() => server.close());

test("create, then list and update", async () => {
  const account = await createBillingAccount(config, "ws_pooled", { name: "  Acme Ltd ", email: "billing@acme.com" });
  expect(account).toMatchObject({ name: "Acme Ltd", email: "billing@acme.com", currency: "usd", phone: null });
  expect(account.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
  const list = await listBillingAccounts(config, "ws_pooled");
  expect(list.data.map((a) => a.id)).toEqual([account.id]);
  const updated = await updateBillingAccount(config, "ws_pooled", account.id, { phone: "+27 21 555 0100" });
  expect(updated.phone).toBe("+27 21 555 0100");
});

test("a 422 from the API lands on its fields", async () => {
  // The client checks bodies itself; a raw request shows the server's 422 as the handlers send it.
  const res = await fetch("https://v1.api.altostrat.io/workspaces/ws_pooled/billing-accounts", {
    method: "POST",
    headers: { Authorization: "Bearer test-token", "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ name: "", email: "billing@@acme.com", currency: "EUR" }),
  });
  expect(res.status).toBe(422);
  expect(await res.json()).toEqual({
    message: "The name field is required. (and 2 more errors)",
    errors: {
      name: ["The name field is required."],
      email: ["The email field must be a valid email address."],
      currency: ["The selected currency is invalid."],
    },
  });
});

test("the single billing mode allows one account", async () => {
  await createBillingAccount(config, "ws_single", { name: "One", email: "one@acme.com" });
  await expect(createBillingAccount(config, "ws_single", { name: "Two", email: "two@acme.com" })).rejects.toMatchObject({
    name: "ApiError",
    kind: "conflict",
    status: 409,
  });
  expect(handlers.accounts()).toHaveLength(1);
});

test("a fault: 503 once on list, and the client retries", async () => {
  handlers.fault({ method: "GET", status: 503, retryAfter: "0", times: 1 });
  const list = await listBillingAccounts(config, "ws_pooled");
  expect(list).toEqual({ data: [], has_more: false });
  expect(handlers.count("GET /workspaces/ws_pooled/billing-accounts")).toBe(2);
  handlers.fault({ method: "POST", status: 500 });
  await expect(createBillingAccount(config, "ws_pooled", { name: "A", email: "a@acme.com" })).rejects.toMatchObject({ kind: "server" });
  expect(handlers.count("POST /workspaces/ws_pooled/billing-accounts")).toBe(1); // a create is never retried
});

test("an idempotent retry creates once", async () => {
  const body = { name: "Acme", email: "billing@acme.com" };
  // The connection drops: the client cannot know whether the account was made, and says so.
  handlers.fault({ method: "POST", fault: "drop" });
  const lost = await createBillingAccount(config, "ws_pooled", body).catch((e) => e);
  expect(lost).toMatchObject({ kind: "network", outcomeUnknown: true });
  expect(lost.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  // Sent again under the same key, twice: one account.
  const first = await createBillingAccount(config, "ws_pooled", body, { idempotencyKey: lost.idempotencyKey });
  const again = await createBillingAccount(config, "ws_pooled", body, { idempotencyKey: lost.idempotencyKey });
  expect(again.id).toBe(first.id);
  expect(handlers.accounts()).toHaveLength(1);
  expect(handlers.count("POST /workspaces/ws_pooled/billing-accounts")).toBe(3);
});

test("a wrong token is a 401", async () => {
  await expect(listBillingAccounts({ ...config, token: "nope" }, "ws_pooled")).rejects.toMatchObject({ kind: "unauthorized" });
});

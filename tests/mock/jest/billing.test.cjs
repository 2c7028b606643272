// A frontend team's Jest suite (CommonJS, as Jest runs by default): the package's client against its MSW handlers.
const { setupServer } = require("msw/node");
const { createHandlers } = require("billing-account-form/mock");
const { createBillingAccount, listBillingAccounts, isApiError } = require("billing-account-form/client");

const baseUrl = "https://api.test.example/v1";
const handlers = createHandlers({ baseUrl, token: "jest-token" });
const server = setupServer(...handlers);
const config = { token: "jest-token", baseUrl };

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => handlers.reset());
afterAll(() => server.close());

test("create and list", async () => {
  const account = await createBillingAccount(config, "ws_assigned", { name: "Acme", email: "billing@acme.com", address: { country: "ZA" } });
  expect(account.address).toMatchObject({ country: "ZA" });
  expect((await listBillingAccounts(config, "ws_assigned")).data).toHaveLength(1);
});

test("a 422 body, as the server words it", async () => {
  const res = await fetch(`${baseUrl}/workspaces/ws_pooled/billing-accounts`, {
    method: "POST",
    headers: { Authorization: "Bearer jest-token", "Content-Type": "application/json" },
    body: JSON.stringify({ name: "x".repeat(101), email: "a@b.co", address: { postalCode: "8001" } }),
  });
  expect(res.status).toBe(422);
  expect((await res.json()).errors).toEqual({
    name: ["The name field must not be greater than 100 characters."],
    "address.postalCode": ["The address.postalCode field is not allowed."],
  });
});

test("the single-mode limit", async () => {
  await createBillingAccount(config, "ws_single", { name: "One", email: "one@acme.com" });
  const error = await createBillingAccount(config, "ws_single", { name: "Two", email: "two@acme.com" }).catch((e) => e);
  expect(isApiError(error) && error.kind).toBe("conflict");
});

test("a fault: the connection dropped on create", async () => {
  handlers.fault({ method: "POST", fault: "drop" });
  const error = await createBillingAccount(config, "ws_pooled", { name: "A", email: "a@acme.com" }).catch((e) => e);
  expect(error.kind).toBe("network");
  expect(handlers.accounts()).toHaveLength(0);
});

test("an idempotent retry", async () => {
  const send = (name) =>
    fetch(`${baseUrl}/workspaces/ws_pooled/billing-accounts`, {
      method: "POST",
      headers: { Authorization: "Bearer jest-token", "Content-Type": "application/json", "Idempotency-Key": "k-1" },
      body: JSON.stringify({ name, email: "billing@acme.com" }),
    });
  const first = await (await send("Acme")).json();
  const again = await send("Acme");
  expect((await again.json()).id).toBe(first.id);
  const other = await send("Other");
  expect(other.status).toBe(422);
  expect(handlers.accounts()).toHaveLength(1);
});

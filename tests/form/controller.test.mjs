// The headless controller in Node: no DOM, no browser. State as plain data, `subscribe`, the
// library's verdicts, patches, drafts, and requests against the stand-in (started here).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "../e2e/harness.mjs";

const PKG = process.env.BAF_PKG_DIR ?? join(import.meta.dirname, "../../pkg");
const { createBillingAccountForm, FIELD_PATHS, ready } = await import(pathToFileURL(join(PKG, "form.js")).href);
await ready;

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());
const config = () => ({ token: server.token, baseUrl: server.url });

test("state is plain data; subscribe hears every change; no DOM anywhere", () => {
  assert.equal(typeof document, "undefined");
  const form = createBillingAccountForm({ mode: "create", locale: "en" });
  const seen = [];
  const stop = form.subscribe((s) => seen.push(s));
  const first = form.getState();
  assert.deepEqual(Object.keys(first.fields), [...FIELD_PATHS]);
  assert.equal(first.fields.name.required, true);
  assert.equal(first.fields.phone.required, false);
  form.set("name", "  Acme  ");
  assert.equal(seen.length, 1);
  assert.notEqual(form.getState(), first, "a new snapshot per change (useSyncExternalStore)");
  assert.ok(Object.isFrozen(form.getState()));
  stop();
  form.set("name", "Acme");
  assert.equal(seen.length, 1, "unsubscribed");
});

test("errors wait for the field to be left, except too_long; counters count as the server does", () => {
  const form = createBillingAccountForm({ mode: "create", locale: "en" });
  form.set("email", "not an email");
  assert.deepEqual(form.getState().fields.email.errors, []);
  form.touch("email");
  assert.equal(form.getState().fields.email.errors[0].code, "email");
  form.set("name", "😀".repeat(101));
  const name = form.getState().fields.name;
  assert.equal(name.errors[0].code, "too_long");
  assert.deepEqual(name.counter, { length: 101, max: 100, remaining: -1, near: true });
  form.set("name", "😀".repeat(50) + "   ");
  assert.equal(form.getState().fields.name.counter.length, 50, "trimmed as the server trims");
  assert.equal(form.getState().fields.name.counter.near, false);
});

test("warnings are told apart by the data; a suggestion is accepted in one call and asked about once", async () => {
  const form = createBillingAccountForm({ mode: "create", locale: "en", workspaceId: "ws_pooled", config: config() });
  form.set("name", "Typo Co");
  form.set("email", "billing@gmial.com");
  form.touch("email");
  const [w] = form.getState().fields.email.warnings;
  assert.equal(w.severity, "warning");
  assert.equal(w.params.suggestion, "billing@gmail.com");
  assert.deepEqual(form.getState().fields.email.errors, []);
  const asked = await form.submit();
  assert.equal(asked.status, "confirm");
  assert.equal(form.getState().confirm[0].code, "email_suggestion");
  assert.ok(form.accept("email"));
  assert.equal(form.getState().fields.email.value, "billing@gmail.com");
});

test("a create with no address sends none; then the form edits the account; patch() sends only changes", async () => {
  await server.reset();
  const form = createBillingAccountForm({ mode: "create", locale: "en", workspaceId: "ws_pooled", config: config() });
  form.set("name", "Acme");
  form.set("email", "billing@acme.com");
  form.set("phone", "+27 21 555 0100");
  assert.deepEqual(form.getState().value, { name: "Acme", email: "billing@acme.com", phone: "+27 21 555 0100" });
  const result = await form.submit();
  assert.equal(result.status, "saved");
  const state = form.getState();
  assert.equal(state.mode, "update");
  assert.deepEqual(state.saved, { account: result.account, created: true });
  assert.equal(state.fields.currency.locked, "This cannot be changed once the billing account exists.");
  form.set("phone", "");
  form.set("description", "Head office");
  assert.deepEqual(form.patch(), { phone: null, description: "Head office" });
  assert.equal((await form.submit()).status, "saved");
  assert.equal(form.getState().account.phone, null);
  assert.equal((await form.submit()).status, "unchanged");
});

test("one request at a time: a second submit while one is in flight sends nothing", async () => {
  await server.reset();
  await server.fault({ method: "POST", fault: "delay", delay_ms: 400 });
  const form = createBillingAccountForm({ mode: "create", workspaceId: "ws_pooled", config: config() });
  form.set("name", "Once");
  form.set("email", "once@example.com");
  const [a, b] = await Promise.all([form.submit(), form.submit()]);
  assert.deepEqual([a.status, b.status].sort(), ["busy", "saved"]);
  assert.equal((await server.accounts("ws_pooled")).length, 1);
});

test("the server's 422 lands on its field, worded in the form's language from its code", async () => {
  await server.reset();
  const laravel = { message: "x", errors: { "address.postal_code": ["The address.postal code format is invalid."] } };
  await server.fault({ method: "POST", fault: "status", status: 422, body: JSON.stringify(laravel) });
  const form = createBillingAccountForm({ mode: "create", locale: "en", workspaceId: "ws_pooled", config: config() });
  form.set("name", "Acme");
  form.set("email", "billing@acme.com");
  form.set("address.postal_code", "???");
  const result = await form.submit();
  assert.equal(result.status, "failed");
  assert.equal(result.error.kind, "validation");
  assert.equal(form.getState().fields["address.postal_code"].errors[0].message, "The server did not accept this value.");
  form.setLocale("id");
  assert.equal(form.getState().fields["address.postal_code"].errors[0].message, "Server tidak menerima nilai ini.");
  form.set("address.postal_code", "8001");
  assert.deepEqual(form.getState().fields["address.postal_code"].errors, [], "a new value clears the server's verdict");
});

test("a lost create is looked for before anything is sent again: one account", async () => {
  await server.reset();
  await server.fault({ method: "POST", fault: "delay", delay_ms: 1500 });
  const form = createBillingAccountForm({ mode: "create", workspaceId: "ws_pooled", config: { ...config(), timeoutMs: 500 } });
  form.set("name", "Slow");
  form.set("email", "slow@example.com");
  const first = await form.submit();
  assert.equal(first.status, "unknown");
  assert.equal(first.error.outcomeUnknown, true);
  assert.deepEqual(form.getState().unknown, { checking: false, found: null, lookupFailed: false });
  await new Promise((r) => setTimeout(r, 1500));
  // Looks first: the account is found when the server finished the first request after the
  // client gave up (Node's fetch may leave it running), else it is sent under the same key.
  const second = await form.submit();
  assert.ok(["found", "saved"].includes(second.status), second.status);
  if (second.status === "found") {
    assert.equal(form.getState().unknown.found.name, "Slow");
    assert.ok(form.openFound());
  }
  assert.equal(form.getState().mode, "update");
  assert.equal((await server.accounts("ws_pooled")).length, 1);
});

test("a lost update is read back before the next change is sent: its late write is seen, not overwritten", async () => {
  await server.reset();
  const form = createBillingAccountForm({ mode: "create", workspaceId: "ws_pooled", config: { ...config(), timeoutMs: 500 } });
  form.set("name", "Late Write");
  form.set("email", "late@example.com");
  assert.equal((await form.submit()).status, "saved");
  const id = form.getState().account.id;
  const path = `/workspaces/ws_pooled/billing-accounts/${id}`;
  // The server applies the phone after the client gave up on it (a timeout is not retried).
  await server.fault({ method: "PATCH", path, fault: "delay", delay_ms: 1200, times: 1 });
  form.set("phone", "111");
  const lost = await form.submit();
  assert.equal(lost.status, "failed");
  assert.equal(lost.error.outcomeUnknown, true);
  await new Promise((r) => setTimeout(r, 1500)); // the late write lands
  const before = (await server.stats()).paths;
  form.set("description", "after");
  const next = await form.submit();
  assert.equal(next.status, "saved");
  const after = (await server.stats()).paths;
  assert.equal((after[`GET ${path}`] ?? 0) - (before[`GET ${path}`] ?? 0), 1, "read back first");
  assert.equal((after[`PATCH ${path}`] ?? 0) - (before[`PATCH ${path}`] ?? 0), 1);
  const stored = await server.api("GET", path);
  assert.equal(stored.body.phone, "111");
  assert.equal(stored.body.description, "after");
  // Nothing lost: a further submit with nothing changed sends nothing.
  assert.equal((await form.submit()).status, "unchanged");
});

test("draft and restore: what was typed, never the token; only into the same form", async () => {
  const form = createBillingAccountForm({ mode: "create", config: { token: "secret-token" } });
  form.set("name", "Draft Co");
  form.set("address.city", "Cape Town");
  const draft = form.draft;
  assert.deepEqual(draft, { version: 1, mode: "create", accountId: null, values: { name: "Draft Co", "address.city": "Cape Town" } });
  assert.doesNotMatch(JSON.stringify(draft), /secret-token/);
  const again = createBillingAccountForm({ mode: "create" });
  assert.ok(again.restore(JSON.parse(JSON.stringify(draft))));
  assert.equal(again.getState().fields["address.city"].value, "Cape Town");
  const edit = createBillingAccountForm({ mode: "update", account: { id: "cus_1", name: "A", email: "a@b.co", phone: null, description: null, currency: "usd", address: null } });
  assert.equal(edit.restore(draft), false, "a create's draft is not an edit's");
});

test("getToken is asked before each request", async () => {
  await server.reset();
  let asked = 0;
  const form = createBillingAccountForm({
    mode: "create",
    workspaceId: "ws_pooled",
    config: { baseUrl: server.url, getToken: async () => (asked++, server.token) },
  });
  form.set("name", "Token Co");
  form.set("email", "token@example.com");
  assert.equal((await form.submit()).status, "saved");
  assert.equal(asked, 1);
});

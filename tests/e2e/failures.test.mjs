// When the server says no, or says nothing: a form-level message, and the input always kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, startServer, openPage, fillForm, field, formValues, ready } from "./harness.mjs";

const suite = standInSuite();

const VALUES = {
  name: "Kept Co 😀",
  email: "kept@example.com",
  phone: "+62 21 555 0100",
  description: "Everything typed stays.",
  currency: "zar",
  "address.country": "ID",
  "address.city": "Jakarta",
};

async function assertKept(page, values = VALUES) {
  const shown = await formValues(page);
  for (const [path, value] of Object.entries(values)) assert.equal(shown[path], value, path);
}

/** Types `value` into a setting as a person would, and leaves the field. */
async function setSetting(page, id, value) {
  if (!(await page.locator("#settings").evaluate((d) => d.open))) await page.click("#settings > summary");
  await page.fill(id, value);
  await page.locator(id).dispatchEvent("change");
}

async function submitExpectingError(page, pattern) {
  await page.click("#submit");
  const box = page.locator("#form-error");
  await box.waitFor({ state: "visible" });
  await page.waitForFunction(() => document.querySelector("#submit").disabled === false);
  assert.match(await box.textContent(), pattern);
  assert.equal(await box.getAttribute("role"), "alert");
}

test("the billing mode's limit: a single workspace takes one account, the second is refused", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await setSetting(page, "#s-workspace", "ws_single");
  await fillForm(page, { name: "The one", email: "one@example.com" });
  await page.click("#submit");
  await page.locator("#form-status", { hasText: "created successfully" }).waitFor();

  await page.check("#mode-create");
  await fillForm(page, VALUES);
  await submitExpectingError(page, /billing mode/);
  await assertKept(page);
  assert.equal((await suite.server.accounts("ws_single")).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("401, 429, 5xx, a dropped connection and a timeout each give a message; the input stays", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, VALUES);

  await suite.server.fault({ method: "POST", fault: "status", status: 429, retry_after: "7" });
  await submitExpectingError(page, /Too many requests.*7/);
  await assertKept(page);

  await suite.server.fault({ method: "POST", fault: "status", status: 500 });
  await submitExpectingError(page, /HTTP 500/);
  await assertKept(page);

  await suite.server.fault({ method: "POST", fault: "status", status: 503 });
  await submitExpectingError(page, /HTTP 503/);
  assert.equal((await suite.server.stats()).routes["POST /workspaces/{workspaceId}/billing-accounts"], 3, "a create is never retried");

  // Chromium itself sends a POST again (several times) when a reused kept-alive connection
  // closes with no answer at all: every try is dropped here.
  await suite.server.fault({ method: "POST", fault: "drop", times: 20 });
  await submitExpectingError(page, /could not be reached/);
  await assertKept(page);
  await suite.server.clearFaults();

  await setSetting(page, "#s-timeout", "1");
  await suite.server.fault({ method: "POST", fault: "delay", delay_ms: 2500 });
  await submitExpectingError(page, /too long/);
  await assertKept(page);
  await setSetting(page, "#s-timeout", "");

  await setSetting(page, "#s-token", "not-the-token");
  await submitExpectingError(page, /token/i);
  assert.ok(await page.locator("#settings").evaluate((d) => d.open), "the settings open to fix the token");
  await assertKept(page);

  assert.deepEqual(problems, []);
  await context.close();
});

test("the client's own refusal of a setting lands on that setting, and nothing is sent", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, VALUES);
  await setSetting(page, "#s-token", "two words");
  await page.click("#settings > summary"); // folded away again: the error must open it
  await page.click("#submit");
  await page.locator("#s-token[aria-invalid=true]").waitFor();
  assert.notEqual((await page.textContent("#s-token-msg")).trim(), "");
  assert.ok(await page.isVisible("#error-summary a[href='#s-token']"));
  assert.equal(await page.evaluate(() => document.activeElement.id), "s-token");
  assert.equal((await suite.server.stats()).routes["POST /workspaces/{workspaceId}/billing-accounts"], undefined);
  await assertKept(page);
  await page.fill("#s-token", suite.server.token);
  assert.equal(await page.getAttribute("#s-token", "aria-invalid"), null);
  await page.click("#submit");
  await page.locator("#form-status", { hasText: "created successfully" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("server stopped mid-session: the input is kept, and sent once it is back", async () => {
  const own = await startServer();
  try {
    const { context, page, problems } = await openPage(suite.browser, own);
    await fillForm(page, VALUES);
    await own.stop();
    // The client's wasm starts on the first call, so here it cannot even load: the same
    // advice, and the next try loads it.
    await submitExpectingError(page, /could not be reached|could not load/);
    await assertKept(page);
    // Typing goes on while the server is away; then it comes back on the same address.
    await page.fill(field("address.line1"), "Jl. Sudirman 1");
    const back = await startServer({ port: own.port, token: own.token });
    try {
      await page.click("#submit");
      await page.locator("#form-status", { hasText: "created successfully" }).waitFor();
      const [account] = await back.accounts("ws_pooled");
      assert.equal(account.name, VALUES.name);
      assert.equal(account.address.line1, "Jl. Sudirman 1");
      assert.deepEqual(problems, []);
    } finally {
      await back.stop();
    }
    await context.close();
  } finally {
    await own.stop();
  }
});

test("a reload restores the unsent draft, never the token", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, VALUES);
  await setSetting(page, "#s-token", "typed-secret-token");
  await page.reload();
  await ready(page);
  await page.locator("#form-status", { hasText: "draft was restored" }).waitFor();
  await assertKept(page);
  // The token typed in this tab's session is still there for the session, and only there.
  assert.equal(await page.inputValue("#s-token"), "typed-secret-token");
  const stored = await page.evaluate(() => ({
    local: Object.entries(localStorage).map(([k, v]) => k + "=" + v).join("\n"),
    session: Object.entries(sessionStorage).map(([k, v]) => k + "=" + v).join("\n"),
  }));
  assert.doesNotMatch(stored.local, /typed-secret-token/);
  assert.doesNotMatch(stored.local, new RegExp(suite.server.token));
  assert.match(stored.local, /Kept Co/);
  assert.match(stored.session, /typed-secret-token/);

  // A new session (a new tab or suite.browser) has the draft but no typed token.
  const fresh = await suite.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const state = await context.storageState();
  await fresh.addInitScript((origins) => {
    for (const o of origins) if (o.origin === location.origin) for (const { name, value } of o.localStorage) localStorage.setItem(name, value);
  }, state.origins);
  const second = await openPage(suite.browser, suite.server, { context: fresh });
  await assertKept(second.page);
  assert.equal(await second.page.inputValue("#s-token"), suite.server.token, "the stand-in's token, not the typed one");
  assert.deepEqual(problems, []);
  assert.deepEqual(second.problems, []);
  await fresh.close();
  await context.close();
});

// A create whose outcome is unknown (timeout, dropped connection, unreadable 2xx) is never
// repeated blindly: the form looks first, then offers to open what was made or create it anyway.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, openPage, fillForm, focusedId } from "./harness.mjs";

const CREATE_ROUTE = "POST /workspaces/{workspaceId}/billing-accounts";
const suite = standInSuite();

async function setSetting(page, id, value) {
  if (!(await page.locator("#settings").evaluate((d) => d.open))) await page.click("#settings > summary");
  await page.fill(id, value);
  await page.locator(id).dispatchEvent("change");
}

const SLOW = { name: "Slow Co", email: "slow@example.com", "address.country": "ZA" };
const SLOW_BODY = { name: "Slow Co", email: "slow@example.com", address: { country: "ZA" } };

test("timeout of 3 s, server answering in 5 s: pressing Create again looks first and opens the one account", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await setSetting(page, "#s-timeout", "3");
  await suite.server.fault({ method: "POST", fault: "delay", delay_ms: 5000 });
  await fillForm(page, SLOW);
  await page.click("#submit");
  const unknown = page.locator("#unknown");
  await unknown.locator("text=did not confirm").waitFor({ timeout: 10_000 });
  assert.match(await unknown.textContent(), /not in the workspace yet/);
  assert.doesNotMatch(await unknown.textContent(), /Try again/);
  assert.equal(await focusedId(page), "unknown", "said where focus is");
  // The server finishes the create after the client gave up (at 5 s). A new user presses
  // Create again: the form looks first, finds it, and offers to open it.
  // Waited for on the server, not on a clock: a loaded machine may answer later than 5 s.
  for (let tries = 0; (await suite.server.accounts("ws_pooled")).length === 0; tries++) {
    assert.ok(tries < 200, "the delayed create never landed");
    await page.waitForTimeout(100);
  }
  await page.click("#submit");
  await unknown.locator("text=the account was made").waitFor();
  await unknown.locator("button", { hasText: "Open the account that was created" }).click();
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.equal(await page.textContent("h2#heading"), "Edit billing account");
  assert.equal((await suite.server.accounts("ws_pooled")).length, 1, "one account");
  assert.deepEqual(problems, []);
  await context.close();
});

test("create it anyway after a lost create sends the same Idempotency-Key: still one account", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await setSetting(page, "#s-timeout", "1");
  await suite.server.fault({ method: "POST", fault: "delay", delay_ms: 2500 });
  await fillForm(page, { name: "Twice Co", email: "twice@example.com" });
  const keys = [];
  page.on("request", (r) => r.method() === "POST" && keys.push(r.headers()["idempotency-key"]));
  await page.click("#submit");
  const unknown = page.locator("#unknown");
  await unknown.locator("text=not in the workspace yet").waitFor({ timeout: 10_000 });
  await unknown.locator("button", { hasText: "Create it anyway" }).click();
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  await page.waitForTimeout(2000); // the first, delayed POST has been answered by now
  assert.equal(keys.length >= 2, true);
  assert.equal(new Set(keys).size, 1, "the same key both times");
  assert.equal((await suite.server.accounts("ws_pooled")).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a malformed 200 is an unknown outcome: looked for, then found and opened", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await suite.server.fault({ method: "POST", fault: "malformed" });
  await fillForm(page, SLOW);
  await page.click("#submit");
  const unknown = page.locator("#unknown");
  await unknown.locator("text=did not confirm").waitFor();
  assert.doesNotMatch(await unknown.textContent(), /could not be read/);
  assert.equal(await page.locator("#form-error").isVisible(), false, "no bare 'could not be read (HTTP 200)'");
  assert.equal((await suite.server.api("POST", "/workspaces/ws_pooled/billing-accounts", SLOW_BODY)).status, 201);
  await unknown.locator("button", { hasText: "Check again" }).click();
  await unknown.locator("button", { hasText: "Open the account that was created" }).click();
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.equal((await suite.server.accounts("ws_pooled")).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

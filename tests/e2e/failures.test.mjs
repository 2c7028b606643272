// When the server says no, or says nothing: a form-level message, and the input always kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, startServer, openPage, fillForm, field, formValues, ready, focusedId } from "./harness.mjs";

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
  await page.waitForFunction(() => document.querySelector("billing-account-form").shadowRoot.querySelector("#submit").disabled === false);
  assert.match(await box.textContent(), pattern);
  assert.equal(await box.getAttribute("role"), "alert");
}

test("the billing mode's limit is shown before typing, with the limit and a way to open the account", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await setSetting(page, "#s-workspace", "ws_single");
  await fillForm(page, { name: "The one", email: "one@example.com" });
  await page.click("#submit");
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  const [one] = await suite.server.accounts("ws_single");

  // Back to creating: the workspace is full, and the form says so before anything is typed.
  await page.check("#mode-create");
  const full = page.locator("#full");
  await full.waitFor({ state: "visible" });
  assert.match(await full.textContent(), /already has 1 billing accounts.*\(1\)/);
  assert.ok(await page.isDisabled(field("name")), "nothing to type into");
  assert.ok(await page.isDisabled("#submit"));
  await full.locator("button", { hasText: one.id }).click();
  await page.waitForFunction((id) => document.querySelector("billing-account-form").controller.getState().account?.id === id, one.id);
  assert.equal(await page.textContent("h2#heading"), "Edit billing account");
  assert.equal((await suite.server.accounts("ws_single")).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("429 and 5xx each give a message in the form's words; the input stays; a create is never retried", async () => {
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
  assert.ok(await page.locator("#settings").evaluate((d) => d.open));
  assert.equal(await focusedId(page), "s-token");
  assert.equal((await suite.server.stats()).routes["POST /workspaces/{workspaceId}/billing-accounts"], undefined);
  await assertKept(page);
  await page.fill("#s-token", suite.server.token);
  assert.equal(await page.getAttribute("#s-token", "aria-invalid"), null);
  await page.click("#submit");
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 401 marks and focuses the token, and never says to sign in", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, VALUES);
  await setSetting(page, "#s-token", "not-the-token");
  await page.click("#settings > summary");
  await submitExpectingError(page, /token was refused/);
  assert.doesNotMatch(await page.textContent("#form-error"), /sign in/i);
  await page.locator("#s-token[aria-invalid=true]").waitFor();
  assert.equal(await focusedId(page), "s-token");
  assert.ok(await page.locator("#settings").evaluate((d) => d.open));
  await assertKept(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("server stopped mid-session: the input is kept, and sent once it is back", async () => {
  const own = await startServer();
  try {
    const { context, page, problems } = await openPage(suite.browser, own);
    await fillForm(page, VALUES);
    await own.stop();
    // A create lost on the way may have been made: the form looks before offering anything,
    // and says it could not look.
    await page.click("#submit");
    const unknown = page.locator("#unknown");
    await unknown.locator("text=could not be checked").waitFor();
    assert.equal(await focusedId(page), "unknown");
    await assertKept(page);
    // Typing goes on while the server is away; then it comes back on the same address.
    await page.fill(field("address.line1"), "Jl. Sudirman 1");
    const back = await startServer({ port: own.port, token: own.token });
    try {
      // The first look may still meet the browser's dead connection to the stopped server.
      for (let i = 0; i < 5 && !(await unknown.textContent()).includes("not in the workspace yet"); i++) {
        await unknown.locator("button", { hasText: "Check again" }).click();
        await page.waitForFunction(() => !document.querySelector("billing-account-form").controller.getState().unknown?.checking);
      }
      await unknown.locator("text=not in the workspace yet").waitFor();
      await unknown.locator("button", { hasText: "Create it anyway" }).click();
      await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
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

test("a reload restores this tab's draft, near the top and never with the token; another tab keeps its own", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, VALUES);
  await setSetting(page, "#s-token", "typed-secret-token");
  await page.reload();
  await ready(page);
  const notice = page.locator("#draft-notice", { hasText: "draft was restored" });
  await notice.waitFor();
  // Said where the person is: above the fields, in the first screen.
  const box = await notice.boundingBox();
  assert.ok(box.y < 900, `the notice is at ${box.y}px`);
  await assertKept(page);
  assert.equal(await page.inputValue("#s-token"), "typed-secret-token");
  const stored = await page.evaluate(() => ({
    local: Object.entries(localStorage).map(([k, v]) => k + "=" + v).join("\n"),
    session: Object.entries(sessionStorage).map(([k, v]) => k + "=" + v).join("\n"),
  }));
  assert.doesNotMatch(stored.local, /typed-secret-token|Kept Co/);
  assert.doesNotMatch(stored.local, new RegExp(suite.server.token));
  const draftLine = stored.session.split("\n").find((l) => l.includes("draft"));
  assert.match(draftLine, /Kept Co/);
  assert.doesNotMatch(draftLine, /typed-secret-token/);

  // A second tab starts empty and its typing does not overwrite this tab's draft.
  const second = await openPage(suite.browser, suite.server, { context });
  assert.equal((await formValues(second.page)).name, "");
  await fillForm(second.page, { name: "Other tab" });
  await page.reload();
  await ready(page);
  await notice.waitFor();
  await assertKept(page);
  assert.deepEqual(problems, []);
  assert.deepEqual(second.problems, []);
  await context.close();
});

test("a 409 from a host that did not say the limit: the form then says the workspace is full", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await suite.server.api("POST", "/workspaces/ws_single/billing-accounts", { name: "The one", email: "one@example.com" });
  // The page would pass the limit from /config.json; a host that cannot leaves it out.
  await page.evaluate(() => {
    const form = document.querySelector("billing-account-form");
    form.removeAttribute("account-limit");
    form.setAttribute("workspace-id", "ws_single");
  });
  await fillForm(page, { name: "Second", email: "second@example.com" });
  await page.click("#submit");
  await page.locator("#full").waitFor({ state: "visible" });
  assert.match(await page.textContent("#full"), /\(1\)/);
  assert.match(await page.textContent("#form-error"), /billing mode allows/);
  assert.equal((await suite.server.accounts("ws_single")).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

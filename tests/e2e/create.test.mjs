// Creating billing accounts: the happy path, keyboard only, no double create, no HTML from text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, openPage, fillForm, field, saveScreenshot, formValues, focusedId } from "./harness.mjs";

const CREATE_ROUTE = "POST /workspaces/{workspaceId}/billing-accounts";
const suite = standInSuite();

const ACME = {
  name: "ACME Corp (EU)",
  email: "billing-eu@acme.com",
  phone: "+442071234567",
  description: "For all European operations.",
  currency: "eur",
  "address.country": "US",
  "address.line1": "123 Main Street",
  "address.line2": "Suite 456",
  "address.city": "San Francisco",
  "address.state": "CA",
  "address.postal_code": "94105",
};

test("happy path: the form creates an account with every field, then shows it for editing", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await saveScreenshot(page, "empty-form.png");
  assert.equal(await page.locator("html").getAttribute("dir"), "ltr");
  // Currency options are the library's list, after the "server default" choice.
  const currencies = await page.locator(field("currency") + " option").evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(currencies, ["", "usd", "zar", "eur", "gbp", "aud"]);
  // Every control has a name a screen reader can say.
  const { checked, unnamed } = await page.evaluate(() => {
    const query = "input, select, textarea, button, summary, a[href]";
    const shadow = document.querySelector("billing-account-form").shadowRoot;
    const controls = [...document.querySelectorAll(query), ...shadow.querySelectorAll(query)].filter((c) => !c.closest("[hidden]"));
    const unnamed = controls
      .filter((c) => {
        const labelled = c.labels?.length > 0 && [...c.labels].some((l) => l.textContent.trim() !== "");
        return !labelled && c.getAttribute("aria-label") === null && c.textContent.trim() === "";
      })
      .map((c) => c.id || c.outerHTML.slice(0, 60));
    return { checked: controls.length, unnamed };
  });
  assert.ok(checked >= 19, `only ${checked} controls found`);
  assert.deepEqual(unnamed, []);

  await fillForm(page, { ...ACME, name: "  ACME Corp (EU)  " });
  await page.click("#submit");
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();

  const [account] = await suite.server.accounts("ws_pooled");
  assert.equal(account.name, "ACME Corp (EU)", "sent trimmed, as the library normalizes");
  assert.equal(account.email, ACME.email);
  assert.equal(account.phone, ACME.phone);
  assert.equal(account.description, ACME.description);
  assert.equal(account.currency, "eur");
  assert.deepEqual(account.address, {
    country: "US",
    line1: "123 Main Street",
    line2: "Suite 456",
    city: "San Francisco",
    state: "CA",
    postal_code: "94105",
  });
  assert.match(await page.textContent("#form-status"), new RegExp(account.id));
  assert.equal(await page.textContent("h2#heading"), "Edit billing account", "the heading says what the form does now");
  // The new account is now the one being edited: a repeated submit cannot create a second.
  assert.ok(await page.isChecked("#mode-edit"));
  assert.ok(await page.isDisabled(field("currency")), "the currency cannot change once created");
  assert.equal(await page.inputValue(field("name")), "ACME Corp (EU)");
  assert.equal(await page.inputValue("#account-select"), account.id);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Presses Tab until `selector` has focus; fails after `max` presses. */
async function tabTo(page, selector, max = 40) {
  for (let i = 0; i < max; i++) {
    const hit = await page.evaluate((s) => {
      let node = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return node?.matches(s);
    }, selector);
    if (hit) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${selector}`);
}

test("keyboard only: every control is reached with Tab, and Enter creates", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await tabTo(page, field("name"));
  await page.keyboard.type("Keyboard Co");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "f-email");
  await page.keyboard.type("keys@example.com");
  await tabTo(page, field("currency"));
  await page.keyboard.type("g"); // type-ahead in a select: GBP
  assert.equal(await page.inputValue(field("currency")), "gbp");
  await tabTo(page, field("address.country"));
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Germany");
  assert.equal((await formValues(page))["address.country"], "DE");
  await tabTo(page, "#submit");
  await page.keyboard.press("Enter");
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  const [account] = await suite.server.accounts("ws_pooled");
  assert.equal(account.name, "Keyboard Co");
  assert.equal(account.currency, "gbp");
  assert.equal(account.address.country, "DE");
  // Focus did not fall to the page's start: it is still on the button.
  assert.equal(await focusedId(page), "submit");
  assert.deepEqual(problems, []);
  await context.close();
});

test("no double create: a double click and Enter pressed twice send one POST", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await suite.server.fault({ method: "POST", fault: "delay", delay_ms: 800, times: 5 });
  await fillForm(page, { name: "Once Only", email: "once@example.com" });
  await page.focus(field("name"));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.dblclick("#submit", { force: true }).catch(() => {});
  assert.ok(await page.isDisabled("#submit"), "the button is disabled while the request runs");
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  await page.keyboard.press("Enter");
  await page.locator("#form-status", { hasText: "Nothing has changed" }).waitFor();
  const stats = await suite.server.stats();
  assert.equal(stats.routes[CREATE_ROUTE], 1, JSON.stringify(stats));
  assert.equal((await suite.server.accounts("ws_pooled")).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("text is never HTML: a name that looks like markup shows as text", async () => {
  const xss = "<img src=x onerror=alert(1)>";
  const script = "<script>alert(2)</script>";
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, { name: xss, email: "x@example.com", description: script });
  await page.click("#submit");
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.match(await page.textContent("#form-status"), /<img src=x onerror=alert\(1\)>/);
  const [account] = await suite.server.accounts("ws_pooled");
  assert.equal(account.name, xss);
  // The page lists the workspace's accounts again after a save: wait for that list.
  await page.locator("#account-select option", { hasText: xss }).waitFor({ state: "attached" });
  assert.match(await page.textContent("#account-select"), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator("img").count(), 0, "no element was made from the text");
  assert.equal(await page.locator("billing-account-form script").count(), 0);

  // Text that comes from the server: an account made elsewhere, opened for editing.
  const made = await suite.server.api("POST", "/workspaces/ws_pooled/billing-accounts", {
    name: '"><svg onload=alert(3)>',
    email: "y@example.com",
    description: "<b>bold</b>",
  });
  assert.equal(made.status, 201);
  await page.click("#refresh-list");
  await page.locator(`#account-select option[value="${made.body.id}"]`).waitFor({ state: "attached" });
  await page.selectOption("#account-select", made.body.id);
  await page.waitForFunction((id) => document.querySelector("billing-account-form").controller.getState().account?.id === id, made.body.id);
  await page.waitForFunction(() => document.querySelector("billing-account-form").controller.getState().account?.name);
  const values = await formValues(page);
  assert.equal(values.name, '"><svg onload=alert(3)>');
  assert.equal(values.description, "<b>bold</b>");
  assert.equal(await page.locator("svg, b, img").count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(problems, [], "no alert ran, no CSP violation");
  await context.close();
});

// Editing: pick an account, the form is prefilled, only what changed is sent, null clears.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, openPage, field, formValues } from "./harness.mjs";

const PATCH_ROUTE = "PATCH /workspaces/{workspaceId}/billing-accounts/{billingAccountId}";
const suite = standInSuite();

async function seed(body) {
  const made = await suite.server.api("POST", "/workspaces/ws_pooled/billing-accounts", body);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  return made.body;
}

/** Switches to editing and opens `id` from the workspace's list. */
async function openForEdit(page, id) {
  await page.check("#mode-edit");
  await page.locator(`#account-select option[value="${id}"]`).waitFor({ state: "attached" });
  await page.selectOption("#account-select", id);
  await page.locator(field("name") + ":enabled").waitFor();
  await page.waitForFunction((want) => document.querySelector("billing-account-form").controller.getState().account?.id === want, id);
}

/** Submits and returns the JSON body of the PATCH the page sent. */
async function submitPatch(page) {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "PATCH"),
    page.click("#submit"),
  ]);
  await page.locator("#form-status", { hasText: "Changes saved" }).waitFor();
  return request.postDataJSON();
}

const FULL = {
  name: "ACME Corp Billing",
  email: "billing@acme.com",
  phone: "+15551234567",
  description: "For US-based operations",
  currency: "aud",
  address: { country: "US", line1: "123 Main Street", line2: "Suite 456", city: "San Francisco", state: "CA", postal_code: "94105" },
};

test("edit: the form is prefilled, the currency shown but locked, only changes are sent, a cleared phone is null", async () => {
  const other = await seed({ name: "Other", email: "other@example.com" });
  const account = await seed(FULL);
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await openForEdit(page, account.id);

  const shown = await formValues(page);
  assert.equal(shown.name, FULL.name);
  assert.equal(shown.phone, FULL.phone);
  assert.equal(shown["address.postal_code"], "94105");
  assert.equal(shown.currency, "aud");
  assert.ok(await page.isDisabled(field("currency")), "currency is shown, not editable");
  assert.match(await page.textContent(field("currency") + "-help"), /cannot be changed/i);
  const options = await page.locator("#account-select option").evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(options.sort(), ["", account.id, other.id].sort());

  await page.fill(field("name"), "ACME Corp (International)");
  await page.fill(field("phone"), "");
  const patch = await submitPatch(page);
  assert.deepEqual(patch, { name: "ACME Corp (International)", phone: null });

  // A later get: the phone is gone, the rest untouched.
  const { status, body } = await suite.server.api("GET", `/workspaces/ws_pooled/billing-accounts/${account.id}`);
  assert.equal(status, 200);
  assert.equal(body.phone, null);
  assert.equal(body.name, "ACME Corp (International)");
  assert.equal(body.description, FULL.description);
  assert.deepEqual(body.address, FULL.address);
  assert.equal(body.currency, "aud");

  // A description emptied to white space is cleared too; a changed city sends the whole address.
  await page.fill(field("description"), "   ");
  await page.fill(field("address.city"), "Oakland");
  const second = await submitPatch(page);
  assert.deepEqual(second, { description: null, address: { ...FULL.address, city: "Oakland" } });
  const after = (await suite.server.api("GET", `/workspaces/ws_pooled/billing-accounts/${account.id}`)).body;
  assert.equal(after.description, null);
  assert.equal(after.address.city, "Oakland");
  assert.equal(after.address.line2, "Suite 456");

  // Nothing changed: nothing is sent.
  await page.click("#submit");
  await page.locator("#form-status", { hasText: "Nothing has changed" }).waitFor();
  assert.equal((await suite.server.stats()).routes[PATCH_ROUTE], 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("edit: emptying the whole address clears it; the draft of an edit survives a reload", async () => {
  const account = await seed(FULL);
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await openForEdit(page, account.id);
  await page.fill(field("email"), "new@acme.com");
  await page.reload();
  await page.locator(field("name") + ":enabled").waitFor();
  await page.locator("#draft-notice", { hasText: "draft was restored" }).waitFor();
  assert.ok(await page.isChecked("#mode-edit"));
  assert.equal(await page.inputValue("#account-select"), account.id);
  await page.waitForFunction(() => document.querySelector("billing-account-form").controller.getState().fields.email.value === "new@acme.com");
  assert.equal(await page.inputValue(field("name")), FULL.name);

  await page.fill(field("address.country"), "");
  for (const part of ["line1", "line2", "city", "state", "postal_code"]) await page.fill(field("address." + part), "");
  const patch = await submitPatch(page);
  assert.deepEqual(patch, { email: "new@acme.com", address: null });
  const after = (await suite.server.api("GET", `/workspaces/ws_pooled/billing-accounts/${account.id}`)).body;
  assert.equal(after.address, null);
  assert.equal(after.email, "new@acme.com");
  assert.deepEqual(problems, []);
  await context.close();
});

// Text a hostile server or a hostile user sends is never markup on the page, and the page's CSP
// stops what would run if it were.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, openPage, fillForm } from "./harness.mjs";

const suite = standInSuite();

const MARKUP = '<img src=x onerror=alert(1)><svg onload=alert(2)><script>alert(3)</script>';

async function noElementsFromText(page) {
  const host = "billing-account-form";
  assert.equal(await page.locator(`${host} img, ${host} svg, ${host} script, ${host} iframe`).count(), 0);
}

test("a 422 whose messages are markup shows them as text", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await suite.server.fault({
    method: "POST",
    fault: "status",
    status: 422,
    body: JSON.stringify({
      message: MARKUP,
      errors: { name: [MARKUP], "address.city": [`The city ${MARKUP}`], [MARKUP]: [MARKUP] },
    }),
  });
  await fillForm(page, { name: "Acme", email: "billing@acme.com" });
  await page.click("#submit");
  await page.waitForFunction(() => document.querySelector("billing-account-form").shadowRoot.querySelector("#submit").disabled === false);
  await page.waitForTimeout(200);
  // The server's own words are not shown: each message is the form's, from its code.
  assert.match(await page.textContent("#error-summary"), /did not accept/);
  await noElementsFromText(page);
  assert.deepEqual(problems, [], "no alert ran, no CSP violation");
  await context.close();
});

test("a 500 with an HTML page and a 200 or 201 with markup are shown in the form's words", async () => {
  for (const [status, contentType] of [[500, "text/html"], [200, "text/html"], [201, "application/json"]]) {
    const { context, page, problems } = await openPage(suite.browser, suite.server);
    await suite.server.fault({ method: "POST", fault: "status", status, content_type: contentType, body: `<html><body>${MARKUP}</body></html>` });
    await fillForm(page, { name: "Acme", email: "billing@acme.com" });
    await page.click("#submit");
    // A 2xx that cannot be read may have created the account: looked for, not shown as an error.
    const box = page.locator(status === 500 ? "#form-error" : "#unknown");
    await box.waitFor({ state: "visible" });
    await page.waitForFunction(() => document.querySelector("billing-account-form").shadowRoot.querySelector("#submit").disabled === false);
    assert.doesNotMatch(await box.textContent(), /onerror|<script/, `${status} ${contentType}`);
    await noElementsFromText(page);
    assert.deepEqual(problems, [], "no alert ran, no CSP violation");
    await context.close();
  }
});

test("an email suggestion built from markup the user typed stays text", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, { name: "Acme", email: '"<img src=x onerror=alert(4)>"@gmial.com' });
  await page.locator("#f-email").blur();
  await page.locator("#f-email-msg", { hasText: "gmail.com" }).waitFor();
  await noElementsFromText(page);
  assert.deepEqual(problems, [], "no alert ran, no CSP violation");
  await context.close();
});

test("the CSP blocks an inline script even if one were injected", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    const a = document.createElement("a");
    a.setAttribute("href", "javascript:window.__injected=true");
    document.body.append(a);
    a.click();
    await new Promise((r) => setTimeout(r, 100));
    return window.__injected === true;
  });
  assert.equal(ran, false, "an inline script ran");
  assert.ok(problems.some((p) => p.startsWith("CSP:")), "the browser reported the CSP refusal");
  await context.close();
});

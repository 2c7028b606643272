// What the walkthrough of the old page found, each as a test of the page that hosts the element:
// discard, loading failures, the developer panel, the switch to editing, the currency note,
// focus ring, target sizes, counters, the country field, the body sent, layout shift, axe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { standInSuite, openPage, fillForm, field, formValues, focusedId, ready } from "./harness.mjs";

const suite = standInSuite();
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const CREATE_ROUTE = "POST /workspaces/{workspaceId}/billing-accounts";

/** axe-core's violations on the page (shadow roots included), as "rule: targets" lines. */
async function axe(page) {
  // Evaluated through the debugging protocol: the page's CSP does not apply to it.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
}

test("discard: hidden on an empty form, disabled while sending, and undoable", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  assert.ok(await page.locator("#discard").isHidden(), "nothing to discard on an empty form");
  await fillForm(page, { name: "Sending Co", email: "sending@example.com" });
  assert.ok(await page.locator("#discard").isVisible());

  // Undo puts back what was thrown away.
  await page.click("#discard");
  assert.equal((await formValues(page)).name, "");
  await page.locator("#draft-notice button", { hasText: "Undo" }).click();
  assert.equal((await formValues(page)).name, "Sending Co");

  // While the create is in flight the draft cannot be thrown away.
  await suite.server.fault({ method: "POST", fault: "delay", delay_ms: 1500 });
  await page.click("#submit");
  await page.waitForFunction(() => document.querySelector("billing-account-form").controller.getState().submitting);
  assert.ok((await page.locator("#discard").isHidden()) || (await page.locator("#discard").isDisabled()));
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  const values = await formValues(page);
  assert.equal(values.name, "Sending Co", "the created account's values, not blanks");
  assert.equal(values.email, "sending@example.com");
  assert.equal((await suite.server.stats()).routes[CREATE_ROUTE], 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the package failing to load: a translated message with a way to retry", async () => {
  const context = await suite.browser.newContext({ locale: "id-ID" });
  const page = await context.newPage();
  await page.route("**/pkg/**", (route) => route.abort());
  await page.goto(suite.server.url + "/");
  const box = page.locator("#boot-error");
  await box.waitFor({ state: "visible" });
  assert.equal(await page.textContent("#boot-error-text"), "Formulir akun penagihan tidak dapat dimuat. Periksa koneksi, lalu coba lagi.");
  assert.doesNotMatch(await page.textContent("body"), /build-pkg|scripts\//);
  assert.equal(await page.getAttribute("html", "lang"), "id");
  await page.unroute("**/pkg/**");
  await page.click("#boot-retry");
  await ready(page);
  assert.ok(await page.locator("#boot-error").isHidden());
  await context.close();
});

test("developer settings sit outside the form; after a create the form says it now edits that account", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  const inside = await page.evaluate(() => {
    const root = document.querySelector("billing-account-form").shadowRoot;
    return [...root.querySelectorAll("input, select, textarea")].map((n) => n.name);
  });
  assert.ok(!inside.some((n) => /token|base|workspace|timeout/i.test(n)), inside.join());
  assert.equal(await page.locator("aside.developer #s-token").count(), 1);
  assert.equal(await page.locator("billing-account-form").getAttribute("token"), null, "the token is never an attribute");

  // The currency note is said before the create, not learnt after it.
  assert.match(await page.textContent(field("currency") + "-help"), /cannot be changed once the account is created/);
  await fillForm(page, { name: "Switch Co", email: "switch@example.com" });
  await page.click("#submit");
  const status = page.locator("#form-status", { hasText: /Created .* now editing/ });
  await status.waitFor();
  assert.equal(await focusedId(page), "submit", "focus stays on the button, beside the status");
  assert.equal(await page.textContent("#submit"), "Save changes");
  assert.doesNotMatch(await page.textContent(field("name") + "-help"), /new billing account/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("focus ring, radio and select sizes on a phone", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const { page } = await openPage(suite.browser, suite.server, { context });
  await page.focus(field("name"));
  const ring = await page.evaluate(() => {
    const input = document.querySelector("billing-account-form").shadowRoot.querySelector("#f-name");
    const style = getComputedStyle(input);
    return { color: style.outlineColor, width: parseFloat(style.outlineWidth) };
  });
  const rgb = ring.color.match(/\d+/g).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (1 + 0.05) / (lum(rgb) + 0.05);
  assert.ok(contrast >= 3, `focus ring contrast ${contrast.toFixed(2)}:1 against white`);
  assert.ok(ring.width >= 2);
  const radio = await page.locator("#mode-create").boundingBox();
  assert.ok(radio.width >= 24 && radio.height >= 24, `radio ${radio.width}×${radio.height}`);
  for (const selector of [field("currency"), "#language", field("name")]) {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box.height >= 44, `${selector} is ${box.height}px tall`);
  }
  await context.close();
});

test("country: autocomplete=country, prefilled from the browser's region, found by name or code in the form's language", async () => {
  const context = await suite.browser.newContext({ locale: "en-ZA" });
  const { page, problems } = await openPage(suite.browser, suite.server, { context });
  const country = field("address.country");
  assert.equal(await page.getAttribute(country, "autocomplete"), "country");
  assert.equal((await formValues(page))["address.country"], "ZA", "from the browser's region");
  assert.equal(await page.inputValue(country), "South Africa");
  assert.ok(await page.locator("#discard").isHidden(), "a prefilled default is not a draft");

  await page.fill(country, "za");
  assert.equal((await formValues(page))["address.country"], "ZA", "za is South Africa, not Zambia");
  await page.fill(country, "zamb");
  assert.equal((await formValues(page))["address.country"], "ZM");
  await page.fill(country, "ÅLAND");
  assert.equal((await formValues(page))["address.country"], "AX", "case and accents aside");
  await page.selectOption("#language", "id");
  await page.fill(country, "Afrika Selatan");
  assert.equal((await formValues(page))["address.country"], "ZA", "by name in Indonesian");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a create with no address sends no address (not {})", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, { name: "No Address Co", email: "none@example.com", "address.country": "" });
  const [request] = await Promise.all([page.waitForRequest((r) => r.method() === "POST"), page.click("#submit")]);
  assert.deepEqual(request.postDataJSON(), { name: "No Address Co", email: "none@example.com" });
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("no layout shift while the form loads (mobile, slow CPU)", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  // A slow phone (or a busy CI machine) paints before the page's words are in: a shift of 0.33
  // came from the header growing under that load, so the test loads under it on purpose.
  await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: 6 });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(suite.server.url + "/");
  await ready(page);
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls < 0.1, `cumulative layout shift ${cls.toFixed(3)}`);
  await context.close();
});

test("axe-core: no violations on the empty form, with errors, in edit mode and in Arabic", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  assert.deepEqual(await axe(page), [], "empty form");
  await fillForm(page, { email: "billing@gmial.com", phone: "1".repeat(51) });
  await page.click("#submit");
  await page.locator("#error-summary").waitFor({ state: "visible" });
  assert.deepEqual(await axe(page), [], "form with errors");
  assert.equal(await page.getAttribute("#error-summary", "role"), "group", "a role for its aria-labelledby");

  await page.selectOption("#language", "ar");
  assert.deepEqual(await axe(page), [], "Arabic");
  await page.selectOption("#language", "en");

  const made = await suite.server.api("POST", "/workspaces/ws_pooled/billing-accounts", { name: "Edit Co", email: "edit@example.com", currency: "gbp" });
  await page.check("#mode-edit");
  await page.locator(`#account-select option[value="${made.body.id}"]`).waitFor({ state: "attached" });
  await page.selectOption("#account-select", made.body.id);
  await page.waitForFunction((id) => document.querySelector("billing-account-form").controller.getState().account?.id === id, made.body.id);
  assert.deepEqual(await axe(page), [], "edit mode");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the wasm refusing to start: the element says so in the form's language, with a way to retry", async () => {
  const context = await suite.browser.newContext({ locale: "ar" });
  const page = await context.newPage();
  // Bytes that are no WebAssembly module: the validation module cannot start.
  await page.route("**/pkg/wasm-validation/bytes.js", (route) =>
    route.fulfill({ contentType: "text/javascript", body: 'export default "0061736d0100000001";' }),
  );
  await page.goto(suite.server.url + "/");
  const form = page.locator("billing-account-form");
  const box = form.locator("[role=alert]", { hasText: "تعذّر تحميل النموذج" });
  await box.waitFor();
  assert.equal(await box.locator("button").textContent(), "حاول مرة أخرى");
  assert.doesNotMatch(await box.textContent(), /build-pkg|WebAssembly/);
  await page.unroute("**/pkg/wasm-validation/bytes.js");
  await box.locator("button").click();
  await ready(page);
  await context.close();
});

test("theming: dark under prefers-color-scheme, custom properties and ::part() from the host page", async () => {
  const context = await suite.browser.newContext({ colorScheme: "dark", bypassCSP: true });
  const { page } = await openPage(suite.browser, suite.server, { context });
  const inputBackground = () =>
    page.evaluate(() => getComputedStyle(document.querySelector("billing-account-form").shadowRoot.querySelector("#f-name")).backgroundColor);
  assert.equal(await inputBackground(), "rgb(30, 34, 39)", "the dark surface");
  // A host's own CSS (the test's context lets it inline it).
  await page.addStyleTag({ content: "billing-account-form { --baf-surface: rgb(1, 2, 3); } billing-account-form::part(submit) { text-transform: uppercase; }" });
  assert.equal(await inputBackground(), "rgb(1, 2, 3)");
  assert.equal(await page.locator("#submit").evaluate((b) => getComputedStyle(b).textTransform), "uppercase");
  await context.close();
});

// Mistakes while typing, the error summary, and the server's 422 landing on its field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, openPage, fillForm, field, saveScreenshot, formValues, focusedId } from "./harness.mjs";

const suite = standInSuite();

const messagesOf = (page, path) => page.locator(field(path) + "-msg");
const counterOf = (page, path) => page.textContent(field(path) + "-count");

test("counters count as the server does: 100 astral characters fit in a name, 101 do not", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  const name = field("name");
  // Far from the limit there is no counter (the help text says the maximum); near it, there is.
  assert.ok(await page.locator(field("name") + "-count").isHidden());
  await page.fill(name, "x".repeat(80));
  assert.ok(await page.locator(field("name") + "-count").isHidden());
  await page.fill(name, "x".repeat(95));
  assert.equal(await counterOf(page, "name"), "5 characters left");

  // 100 code points from outside the BMP (200 UTF-16 units): exactly the limit.
  const hundred = "😀".repeat(50) + "𝒜".repeat(25) + "🇺".repeat(25);
  await page.fill(name, hundred);
  assert.equal(await counterOf(page, "name"), "0 characters left");
  assert.equal(await page.getAttribute(name, "aria-invalid"), null);
  assert.equal(await messagesOf(page, "name").textContent(), "");

  // Typed on, one more: the error shows at once, before the field is left.
  await page.focus(name);
  await page.keyboard.press("End");
  await page.keyboard.type("😀");
  assert.equal(await counterOf(page, "name"), "1 character too many");
  assert.equal(await page.getAttribute(name, "aria-invalid"), "true");
  const message = await messagesOf(page, "name").textContent();
  assert.match(message, /100/);
  assert.match(await page.locator(field("name") + "-msg .msg-error").textContent(), /100/);
  // The message is tied to the input.
  const describedBy = (await page.getAttribute(name, "aria-describedby")).split(" ");
  assert.ok(describedBy.includes("f-name-msg") && describedBy.includes("f-name-help"));

  // White space at the ends is trimmed by the server before it counts: it does not count here.
  await page.fill(name, hundred + "   ");
  assert.equal(await counterOf(page, "name"), "0 characters left");
  assert.equal(await page.getAttribute(name, "aria-invalid"), null);

  // Near the limit the counter is read out once typing pauses (politely), not on every key.
  await page.locator("#live", { hasText: "Name: 0 characters left" }).waitFor({ timeout: 5000 });
  assert.equal(await page.getAttribute("#live", "aria-live"), "polite");

  // 51 characters of phone: too long; 50 fit.
  await page.fill(field("phone"), "1".repeat(51));
  assert.equal(await page.getAttribute(field("phone"), "aria-invalid"), "true");
  await page.fill(field("phone"), "1".repeat(50));
  assert.equal(await page.getAttribute(field("phone"), "aria-invalid"), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("live checks: an error waits for the field to be left; a warning is not an error", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  const name = field("name");
  await page.focus(name);
  await page.keyboard.type("A");
  await page.keyboard.press("Backspace");
  assert.equal(await messagesOf(page, "name").textContent(), "", "no error while still typing the first time");
  await page.keyboard.press("Tab");
  assert.equal(await page.getAttribute(name, "aria-invalid"), "true");
  assert.equal(await page.locator(field("name") + "-msg .msg-error").count(), 1);
  assert.equal(await focusedId(page), "f-email");
  // Once left, the field is checked as it is typed: the error goes as soon as it is fixed.
  await page.fill(name, "W");
  assert.equal(await page.getAttribute(name, "aria-invalid"), null);

  const email = field("email");
  await page.focus(email);
  await page.keyboard.type("billing@gmial.com");
  await page.keyboard.press("Tab");
  assert.equal(await page.getAttribute(email, "aria-invalid"), null);
  const warning = page.locator(field("email") + "-msg .msg-warning");
  assert.equal(await warning.count(), 1, "a likely typo is a warning");
  assert.match(await warning.textContent(), /gmail\.com/);
  // Told apart by more than colour: its own icon and a spoken prefix.
  assert.equal(await warning.locator(".icon").textContent(), "⚠");
  assert.match(await warning.locator(".visually-hidden").textContent(), /Warning/);
  assert.equal(await page.locator(field("email") + "-msg .msg-error .icon").count(), 0);

  // A warning never blocks, but an ignored suggestion is asked about once at submit.
  await page.fill(field("name"), "Warned");
  await page.click("#submit");
  const confirm = page.locator("#confirm");
  await confirm.waitFor({ state: "visible" });
  assert.equal(await focusedId(page), "confirm");
  assert.match(await confirm.textContent(), /billing@gmial\.com.*billing@gmail\.com/);
  await confirm.locator("button", { hasText: "Keep billing@gmial.com and send" }).click();
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.equal((await suite.server.accounts("ws_pooled"))[0].email, "billing@gmial.com");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the email suggestion is announced and accepted in one click; at submit it is asked once", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, { name: "Typo Co", email: "billing@gmial.com" });
  await page.locator(field("email")).blur();
  await page.locator("#live", { hasText: "Email: Did you mean billing@gmail.com?" }).waitFor();
  await page.click('button[data-accept="email"]');
  assert.equal(await page.inputValue(field("email")), "billing@gmail.com");
  assert.equal(await page.locator(field("email") + "-msg .msg-warning").count(), 0);

  // Typed wrong again and ignored: the submit asks, and "Use" sends the fixed address.
  await page.fill(field("email"), "billing@gmial.com");
  await page.click("#submit");
  await page.locator("#confirm").waitFor({ state: "visible" });
  assert.equal((await suite.server.stats()).routes["POST /workspaces/{workspaceId}/billing-accounts"], undefined);
  await page.locator("#confirm button", { hasText: "Use billing@gmail.com" }).click();
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.equal((await suite.server.accounts("ws_pooled"))[0].email, "billing@gmail.com");
  assert.deepEqual(problems, []);
  await context.close();
});

test("submit with errors: a summary links to each field, focus goes to the first, nothing is sent", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, { email: "billing@gmial.com", phone: "+1 555 0100 ".repeat(5), "address.city": "Jakarta" });
  await page.click("#submit");
  const summary = page.locator("#error-summary");
  await summary.waitFor({ state: "visible" });
  const links = await summary.locator("a").evaluateAll((a) => a.map((x) => [x.getAttribute("href"), x.textContent]));
  assert.deepEqual(
    links.map(([href]) => href),
    ["#f-name", "#f-phone", "#f-email"],
  );
  assert.equal(links[2][1], "Email: Did you mean billing@gmail.com?", "the typo suggestion is in the summary too");
  assert.match(links[0][1], /^Name: /);
  // GOV.UK's pattern: focus on the summary, announced (role=alert inside), the title prefixed.
  assert.equal(await focusedId(page), "error-summary");
  assert.equal(await summary.locator("[role=alert]").count(), 1);
  assert.equal(await page.title(), "Error: Billing account");
  assert.equal(await page.getAttribute(field("name"), "aria-invalid"), "true");
  assert.equal(await page.locator(field("email") + "-msg .msg-warning").count(), 1);
  await saveScreenshot(page, "form-errors.png");

  await summary.locator('a[href="#f-phone"]').click();
  assert.equal(await focusedId(page), "f-phone");
  // Fixing a field takes it off the summary.
  await page.fill(field("phone"), "+1 555 0100");
  assert.deepEqual(await summary.locator("a").evaluateAll((a) => a.map((x) => x.getAttribute("href"))), ["#f-name", "#f-email"]);
  await page.fill(field("name"), "Fixed");
  assert.ok(await summary.isHidden());
  assert.equal(await page.title(), "Billing account");

  const stats = await suite.server.stats();
  assert.equal(stats.routes["POST /workspaces/{workspaceId}/billing-accounts"], undefined, "nothing was sent");
  assert.equal((await formValues(page))["address.city"], "Jakarta", "input kept");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 422 from the server lands on its field, with the input kept", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  const laravel = {
    message: "The selected address.postal code is invalid.",
    errors: { "address.postal_code": ["The selected address.postal code is invalid."] },
  };
  await suite.server.fault({ method: "POST", fault: "status", status: 422, body: JSON.stringify(laravel) });
  const values = { name: "Refused Co", email: "refused@example.com", "address.country": "GB", "address.postal_code": "ZZ99 9ZZ" };
  await fillForm(page, values);
  await page.click("#submit");
  const postal = field("address.postal_code");
  await page.locator(postal + "[aria-invalid=true]").waitFor();
  assert.notEqual((await messagesOf(page, "address.postal_code").textContent()).trim(), "");
  assert.equal(await focusedId(page), "error-summary");
  assert.ok(await page.isVisible("#error-summary a[href='#f-address-postal_code']"));
  assert.ok(await page.isVisible("#form-error"));
  const kept = await formValues(page);
  for (const [path, value] of Object.entries(values)) assert.equal(kept[path], value);
  // Every message is rendered from its code in the current language: a language switch re-words
  // the form-level message and the server's field message (Laravel's raw English included).
  await page.selectOption("#language", "id");
  assert.match(await page.textContent("#form-error"), /Server menolak/);
  assert.equal(await messagesOf(page, "address.postal_code").locator(".msg-error span:not(.icon):not(.visually-hidden)").textContent(), "Server tidak menerima nilai ini.");
  await page.selectOption("#language", "en");
  assert.doesNotMatch(await messagesOf(page, "address.postal_code").textContent(), /address\.postal code/);
  // Editing the field clears the server's verdict on it.
  await page.fill(postal, "SW1A 1AA");
  assert.equal(await page.getAttribute(postal, "aria-invalid"), null);
  await page.click("#submit");
  await page.locator("#form-status", { hasText: /Created .* now editing/ }).waitFor();
  assert.equal((await suite.server.accounts("ws_pooled"))[0].address.postal_code, "SW1A 1AA");
  assert.deepEqual(problems, []);
  await context.close();
});

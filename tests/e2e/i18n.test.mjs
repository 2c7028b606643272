// Languages: labels, help texts, messages and country names change; Arabic runs right to left.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standInSuite, openPage, fillForm, field, saveScreenshot, ready } from "./harness.mjs";

const suite = standInSuite();

const ARABIC = /[\u0600-\u06FF]/;
const help = (page, path) => page.textContent(field(path) + "-help");
const label = (page, path) => page.textContent(`label[for="${field(path).slice(1)}"] .label-text`);
/** Whether the country list offers `name` (its options are the names in the form's language). */
const offers = (page, name) => page.locator(`#country-list option[value="${name}"]`).count();

test("Arabic: the page turns right to left, with the reference's wording and Arabic messages", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await page.selectOption("#language", "ar");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  assert.equal(await label(page, "name"), "الاسم");
  // The API reference's Arabic help texts, limits filled in from limits().
  assert.equal(await help(page, "name"), "اسم حساب الفوترة الجديد. 100 حرف كحد أقصى.");
  assert.equal(await help(page, "email"), "عنوان البريد الإلكتروني الرئيسي للفوترة. 150 حرفًا كحد أقصى.");
  assert.equal(await help(page, "phone"), "رقم هاتف جهة اتصال الفوترة. 50 حرفًا كحد أقصى.");
  assert.equal(await help(page, "description"), "وصف اختياري لحساب الفوترة. 200 حرف كحد أقصى.");
  assert.equal(await offers(page, "مصر"), 1);
  assert.equal(await page.getAttribute(field("email"), "dir"), "ltr", "an email address stays left to right");

  // Laid out right to left: a label starts at the right edge of its input.
  const [labelBox, inputBox] = await Promise.all([
    page.locator(`label[for="f-name"] .label-text`).boundingBox(),
    page.locator(field("name")).boundingBox(),
  ]);
  assert.ok(Math.abs(labelBox.x + labelBox.width - (inputBox.x + inputBox.width)) < 2, "label aligned to the right");
  assert.ok(labelBox.width < inputBox.width / 2);

  await fillForm(page, { name: "شركة أكمي للتجارة", phone: "١".repeat(51), "address.country": "SA", "address.city": "الرياض" });
  await page.click("#submit");
  await page.locator("#error-summary").waitFor({ state: "visible" });
  assert.match(await page.textContent("#error-summary"), ARABIC);
  const emailMessage = await page.textContent(field("email") + "-msg");
  assert.match(emailMessage, ARABIC, "the library's message, in Arabic");
  assert.match(await page.textContent(field("phone") + "-count"), /أحرف زائدة: 1/);
  await saveScreenshot(page, "arabic-form.png");

  // A form-level message from the server's answer comes in Arabic too.
  await page.fill(field("email"), "billing@example.com");
  await page.fill(field("phone"), "");
  await suite.server.fault({ method: "POST", fault: "status", status: 500 });
  await page.click("#submit");
  await page.locator("#form-error").waitFor({ state: "visible" });
  assert.match(await page.textContent("#form-error"), ARABIC);
  assert.match(await page.textContent("#form-error"), /500/);

  // The choice is remembered.
  await page.reload();
  await ready(page);
  await page.locator("#draft-notice").filter({ hasText: ARABIC }).waitFor();
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.inputValue(field("name")), "شركة أكمي للتجارة");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Indonesian, then English again: everything follows the switch, what is typed stays", async () => {
  const { context, page, problems } = await openPage(suite.browser, suite.server);
  await fillForm(page, { name: "😀".repeat(101), "address.country": "DE" });
  await page.locator(field("address.country")).blur();
  assert.equal(await page.inputValue(field("address.country")), "Germany", "a code typed is shown as the country's name");
  const english = await page.textContent(field("name") + "-msg");
  await page.selectOption("#language", "id");
  assert.equal(await page.getAttribute("html", "lang"), "id");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.equal(await help(page, "name"), "Nama untuk akun penagihan baru. Maksimal 100 karakter.");
  assert.equal(await help(page, "email"), "Alamat email penagihan utama. Maksimal 150 karakter.");
  assert.equal(await label(page, "address.postal_code"), "Kode pos");
  assert.equal(await page.inputValue(field("address.country")), "Jerman", "the chosen country is kept, named in Indonesian");
  const indonesian = await page.textContent(field("name") + "-msg");
  assert.notEqual(indonesian, english, "the error is re-worded by the library");
  assert.match(await page.textContent(field("name") + "-count"), /Kelebihan 1 karakter/);
  assert.equal(await page.textContent("#submit"), "Buat akun penagihan");

  await page.selectOption("#language", "en");
  assert.equal(await page.inputValue(field("address.country")), "Germany");
  assert.equal(await page.textContent(field("name") + "-msg"), english);
  assert.equal(await page.inputValue(field("name")), "😀".repeat(101));
  assert.deepEqual(problems, []);
  await context.close();
});

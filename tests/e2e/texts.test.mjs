// The element's texts (js/element-text.js) and the page's (www/i18n.js), checked in Node: every
// language has every text, and the help texts read as the API reference does, limits filled in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LOCALES, keys, helpText, counterText } from "../../js/element-text.js";
import * as page from "../../www/i18n.js";

test("every language has every text", () => {
  for (const [texts, least] of [[{ keys }, 60], [page, 25]]) {
    const english = texts.keys("en").sort();
    assert.ok(english.length > least);
    for (const locale of LOCALES) assert.deepEqual(texts.keys(locale).sort(), english, locale);
  }
});

test("help texts are the API reference's, in each language", () => {
  // shared/seeds/: the create pages in English, Arabic and Indonesian.
  const reference = {
    en: {
      name: "The name for the new billing account. Maximum 100 characters.",
      email: "The primary billing email address. Maximum 150 characters.",
      phone: "The billing contact phone number. Maximum 50 characters.",
      description: "An optional description for the billing account. Maximum 200 characters.",
    },
    ar: {
      name: "اسم حساب الفوترة الجديد. 100 حرف كحد أقصى.",
      email: "عنوان البريد الإلكتروني الرئيسي للفوترة. 150 حرفًا كحد أقصى.",
      phone: "رقم هاتف جهة اتصال الفوترة. 50 حرفًا كحد أقصى.",
      description: "وصف اختياري لحساب الفوترة. 200 حرف كحد أقصى.",
    },
    id: {
      name: "Nama untuk akun penagihan baru. Maksimal 100 karakter.",
      email: "Alamat email penagihan utama. Maksimal 150 karakter.",
      phone: "Nomor telepon kontak penagihan. Maksimal 50 karakter.",
      description: "Deskripsi opsional untuk akun penagihan. Maksimal 200 karakter.",
    },
  };
  const max = { name: 100, email: 150, phone: 50, description: 200 };
  for (const [locale, texts] of Object.entries(reference)) {
    for (const [path, expected] of Object.entries(texts)) assert.equal(helpText(locale, path, max[path]), expected);
  }
  // Arabic counts agree with the number: 3–10 take the plural, 11–99 the accusative singular.
  assert.equal(helpText("ar", "address.line1", 255), "255 حرفًا كحد أقصى.");
  assert.equal(helpText("ar", "address.line1", 5), "5 أحرف كحد أقصى.");
  assert.equal(helpText("en", "address.line1", 1), "Maximum 1 character.");
});

test("counters say what is left or how many too many", () => {
  assert.equal(counterText("en", 1), "1 character left");
  assert.equal(counterText("en", -2), "2 characters too many");
  assert.equal(counterText("ar", 7), "الأحرف المتبقية: 7");
  assert.equal(counterText("id", -1), "Kelebihan 1 karakter");
});

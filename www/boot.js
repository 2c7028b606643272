// Loads the page. If the package cannot be loaded, says so in the chosen language with a way to
// try again, instead of leaving a blank page or a developer's message.
import { t, DIRECTION, LOCALES } from "./i18n.js";
import { loadSettings } from "./storage.js";

function fail(error) {
  const saved = loadSettings().locale;
  const browser = (navigator.language || "en").slice(0, 2);
  const locale = LOCALES.includes(saved) ? saved : LOCALES.includes(browser) ? browser : "en";
  document.documentElement.lang = locale;
  document.documentElement.dir = DIRECTION[locale] ?? "ltr";
  document.getElementById("boot-error-text").textContent = t(locale, "bootFailed");
  const retry = document.getElementById("boot-retry");
  retry.textContent = t(locale, "retry");
  retry.addEventListener("click", () => location.reload(), { once: true });
  document.getElementById("boot-error").hidden = false;
  document.getElementById("form").hidden = true;
  document.documentElement.dataset.texts = locale;
  console.error(error);
}

try {
  const app = await import("./app.js");
  await app.start();
} catch (error) {
  fail(error);
}

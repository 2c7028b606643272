// Loads the page. If the package cannot be loaded (pkg/ not built, wasm refused), says so in the
// chosen language instead of leaving a blank page.
import { t, DIRECTION } from "./i18n.js";
import { loadSettings } from "./storage.js";

try {
  const app = await import("./app.js");
  await app.start();
} catch (error) {
  const locale = loadSettings().locale ?? "en";
  const status = document.getElementById("boot-status");
  document.documentElement.lang = locale;
  document.documentElement.dir = DIRECTION[locale] ?? "ltr";
  if (status) {
    status.textContent = t(locale, "bootFailed");
    status.setAttribute("role", "alert");
    status.classList.add("notice", "notice-error");
  }
  console.error(error);
}

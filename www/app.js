// The sample page: hosts <billing-account-form> and gives it what a host gives it (workspace,
// base URL, token, language), plus a developer panel kept apart from the form. The form itself,
// its rules, messages, drafts and requests are the package's.
import "../pkg/element.js";
import { listBillingAccounts } from "../pkg/client.js";
import { LOCALES, LOCALE_NAMES, DIRECTION, t } from "./i18n.js";
import * as storage from "./storage.js";

const $ = (id) => document.getElementById(id);
/** The settings inputs, by the path the client's own checks name them with (`invalid_input`). */
const SETTING_INPUTS = { baseUrl: "s-base-url", token: "s-token", workspaceId: "s-workspace", timeoutMs: "s-timeout" };

const state = { locale: "en", token: "", settings: { baseUrl: "", workspaceId: "", timeoutSeconds: "" }, workspaces: [], listSeq: 0 };
/** @type {import("../pkg/element.js").BillingAccountFormElement} */
let form;

export async function start() {
  form = $("form");
  const saved = storage.loadSettings();
  state.locale = pickLocale(saved.locale);
  const select = $("language");
  for (const code of LOCALES) {
    const option = document.createElement("option");
    option.value = code;
    option.lang = code;
    option.textContent = LOCALE_NAMES[code];
    select.append(option);
  }
  select.value = state.locale;
  applyLocale();

  const stand = await standInConfig();
  const text = (...choices) => choices.find((c) => typeof c === "string") ?? "";
  state.settings.baseUrl = text(saved.baseUrl, stand?.baseUrl);
  state.settings.workspaceId = text(saved.workspaceId, stand?.workspaceId);
  state.settings.timeoutSeconds = text(saved.timeoutSeconds);
  state.workspaces = Array.isArray(stand?.workspaces) ? stand.workspaces : [];
  const token = storage.loadToken();
  // A token typed in this tab wins; the stand-in's changes each time it starts.
  if (token?.source === "typed") state.token = token.token;
  else if (typeof stand?.token === "string") {
    state.token = stand.token;
    storage.saveToken(stand.token, "server");
  } else state.token = token?.token ?? "";
  fillWorkspaceList();
  $("s-base-url").value = state.settings.baseUrl;
  $("s-token").value = state.token;
  $("s-workspace").value = state.settings.workspaceId;
  $("s-timeout").value = state.settings.timeoutSeconds;
  if (!state.token || !state.settings.workspaceId) $("settings").open = true;

  wire();
  configureForm();
  const view = storage.loadView(state.settings.workspaceId);
  showView(view.mode, view.accountId);
  // The element is configured from the settings: what a test (or a host's script) waits for
  // before changing its attributes itself.
  document.body.dataset.ready = "true";
}

function pickLocale(saved) {
  if (LOCALES.includes(saved)) return saved;
  const preferred = (navigator.language || "en").slice(0, 2).toLowerCase();
  return LOCALES.includes(preferred) ? preferred : "en";
}

async function standInConfig() {
  if (!location.protocol.startsWith("http")) return null;
  try {
    const answer = await fetch(new URL("/config.json", location.href), { headers: { Accept: "application/json" }, cache: "no-store" });
    if (!answer.ok) return null;
    const config = await answer.json();
    return config && typeof config === "object" ? config : null;
  } catch {
    return null;
  }
}

function fillWorkspaceList() {
  const list = $("s-workspace-list");
  list.replaceChildren();
  for (const w of state.workspaces) {
    if (typeof w?.id !== "string") continue;
    const option = document.createElement("option");
    option.value = w.id;
    if (typeof w.billingMode === "string") option.textContent = `${w.billingMode} (${w.limit})`;
    list.append(option);
  }
}

function applyLocale() {
  const locale = state.locale;
  document.documentElement.lang = locale;
  document.documentElement.dir = DIRECTION[locale];
  // The element puts its "Error: " prefix back in front when its summary is open.
  document.title = t(locale, "title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(locale, node.dataset.t);
  document.documentElement.dataset.texts = locale;
  const chooser = $("account-select").querySelector('option[value=""]');
  if (chooser) chooser.textContent = t(locale, "chooseAccount");
  form.setAttribute("locale", locale);
  for (const path of Object.keys(SETTING_INPUTS)) markSetting(path, marks.get(path));
}

function clientConfig() {
  const config = { token: state.token, locale: state.locale };
  if (state.settings.baseUrl.trim()) config.baseUrl = state.settings.baseUrl.trim();
  if (state.settings.timeoutSeconds.trim()) config.timeoutMs = Number(state.settings.timeoutSeconds) * 1000;
  return config;
}

/** Gives the element what a host gives it: workspace, base URL, timeout, the token (a property). */
function configureForm() {
  const s = state.settings;
  const set = (name, value) => (value ? form.setAttribute(name, value) : form.removeAttribute(name));
  set("base-url", s.baseUrl.trim());
  set("timeout-ms", s.timeoutSeconds.trim() ? String(Number(s.timeoutSeconds) * 1000) : "");
  const limit = state.workspaces.find((w) => w?.id === s.workspaceId)?.limit;
  set("account-limit", typeof limit === "number" ? String(limit) : "");
  form.token = state.token;
  set("workspace-id", s.workspaceId.trim());
}

function showView(mode, accountId) {
  $(mode === "edit" ? "mode-edit" : "mode-create").checked = true;
  $("picker").hidden = mode !== "edit";
  if (mode === "edit" && accountId) form.setAttribute("account-id", accountId);
  else form.removeAttribute("account-id");
  storage.saveView(state.settings.workspaceId, { mode, accountId });
  if (mode === "edit") void loadList(accountId);
}

async function loadList(selected) {
  const seq = ++state.listSeq;
  const select = $("account-select");
  const status = $("picker-status");
  status.textContent = t(state.locale, "loadingList");
  try {
    const list = await listBillingAccounts(clientConfig(), state.settings.workspaceId);
    if (seq !== state.listSeq) return;
    const options = [new Option(t(state.locale, "chooseAccount"), "")];
    for (const a of list.data) options.push(new Option(`${a.name} — ${a.email} (${a.id})`, a.id));
    select.replaceChildren(...options);
    select.value = selected ?? "";
    status.textContent = list.data.length === 0 ? t(state.locale, "noAccounts") : "";
  } catch (error) {
    if (seq !== state.listSeq) return;
    status.textContent = typeof error?.message === "string" ? error.message : "";
  }
}

// ------------------------------------------------------------ the developer panel's own errors

const marks = new Map();
function markSetting(path, text) {
  const id = SETTING_INPUTS[path];
  if (!id) return;
  marks.set(path, text ?? null);
  const input = $(id);
  const box = $(id + "-msg");
  box.replaceChildren();
  if (text) {
    const p = document.createElement("p");
    p.className = "msg msg-error";
    p.textContent = text;
    box.append(p);
    input.setAttribute("aria-invalid", "true");
  } else input.removeAttribute("aria-invalid");
  input.closest(".field").classList.toggle("has-error", Boolean(text));
}

/** A refused token or a setting the client judged wrong: marked on the setting, which gets focus. */
function failed(error) {
  let first = null;
  if (error?.kind === "unauthorized") {
    markSetting("token", t(state.locale, "tokenRefused"));
    first = "token";
  } else if (error?.kind === "invalid_input" && Array.isArray(error.errors)) {
    for (const e of error.errors) {
      if (!(e.path in SETTING_INPUTS)) continue;
      markSetting(e.path, e.message);
      first ??= e.path;
    }
  }
  if (first) {
    $("settings").open = true;
    $(SETTING_INPUTS[first]).focus();
  }
}

function wire() {
  $("language").addEventListener("change", (event) => {
    state.locale = event.target.value;
    storage.saveSettings({ ...storage.loadSettings(), locale: state.locale });
    applyLocale();
  });
  for (const radio of document.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      const view = storage.loadView(state.settings.workspaceId);
      showView(radio.value, radio.value === "edit" ? view.accountId ?? form.getAttribute("account-id") : undefined);
    });
  }
  $("account-select").addEventListener("change", (event) => showView("edit", event.target.value || undefined));
  $("refresh-list").addEventListener("click", () => void loadList($("account-select").value));

  form.addEventListener("saved", (event) => {
    const { account } = event.detail;
    $("mode-edit").checked = true;
    $("picker").hidden = false;
    storage.saveView(state.settings.workspaceId, { mode: "edit", accountId: account.id });
    void loadList(account.id);
  });
  form.addEventListener("failed", (event) => failed(event.detail));

  const setting = (id, key) => {
    const input = $(id);
    input.addEventListener("input", () => {
      state.settings[key] = input.value;
      storage.saveSettings({ ...storage.loadSettings(), [key]: input.value });
      const path = Object.keys(SETTING_INPUTS).find((p) => SETTING_INPUTS[p] === id);
      markSetting(path, null);
    });
    input.addEventListener("change", () => {
      configureForm();
      if (key === "workspaceId") {
        const view = storage.loadView(state.settings.workspaceId);
        showView(view.mode, view.accountId);
      }
    });
  };
  setting("s-base-url", "baseUrl");
  setting("s-timeout", "timeoutSeconds");
  setting("s-workspace", "workspaceId");
  $("s-token").addEventListener("input", (event) => {
    state.token = event.target.value;
    storage.saveToken(state.token, "typed");
    markSetting("token", null);
    form.token = state.token;
  });
}

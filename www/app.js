// The sample page: the billing-account form a product team would ship. Every rule, limit, list
// and message comes from the package; this module only wires the library to the DOM.
// Nothing from the server or the person is ever parsed as HTML: text goes in through textContent.

import * as validation from "../pkg/index.js";
import * as client from "../pkg/client.js";
import { FIELDS, inputId, setPath, getPath } from "./fields.js";
import { LOCALES, LOCALE_NAMES, DIRECTION, t, helpText, counterText } from "./i18n.js";
import * as storage from "./storage.js";

const baf = { ...validation, ...client };
const CLIENT_FUNCTIONS = ["createBillingAccount", "updateBillingAccount", "getBillingAccount", "listBillingAccounts"];
// Read through the namespace, so a package built before the client existed still loads.
const hasClient = CLIENT_FUNCTIONS.every((name) => typeof baf[name] === "function");

/** The settings inputs, by the path the client's own checks name them with (`invalid_input`). */
const SETTING_INPUTS = { baseUrl: "s-base-url", token: "s-token", workspaceId: "s-workspace", timeoutMs: "s-timeout" };

/** How long typing must pause before a counter near its limit is read out. */
const ANNOUNCE_AFTER_MS = 1200;

const $ = (id) => document.getElementById(id);

/**
 * @typedef {object} FieldView
 * @property {import("./fields.js").FieldSpec} spec
 * @property {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} input
 * @property {HTMLElement} label  @property {HTMLElement} mark  @property {HTMLElement} help
 * @property {HTMLElement} counter  @property {HTMLElement} messages
 * @property {boolean} touched    left once, submitted, or restored: every finding is shown
 * @property {{errors: object[], warnings: object[]}} local   what the library says of the value now
 * @property {object[]} server    errors the server (or the client's own check) returned for it
 */

const state = {
  locale: "en",
  /** Settings as shown; `typed` holds only what the person typed, which wins over the stand-in's. */
  settings: { baseUrl: "", workspaceId: "", timeoutSeconds: "" },
  token: "",
  mode: "create",
  /** The account being edited, as last loaded or saved: what an update is compared with. */
  baseline: null,
  accountId: null,
  inFlight: false,
  listSeq: 0,
  loadSeq: 0,
  summaryOpen: false,
  /** Errors whose path is no field of the form (the body itself, an unknown key). */
  otherErrors: [],
  /** The client's errors on the settings (a refused token, base URL, workspace ID), by path. */
  settingErrors: new Map(),
  /** @type {Map<string, FieldView>} */
  fields: new Map(),
  limits: {},
  announceTimer: 0,
};

// ---------------------------------------------------------------- start

export async function start() {
  await baf.ready;
  state.limits = baf.limits();
  const saved = storage.loadSettings();
  state.locale = pickLocale(saved.locale);

  buildLanguagePicker();
  for (const spec of FIELDS) buildField(spec);

  const stand = await standInConfig();
  const text = (...choices) => choices.find((c) => typeof c === "string") ?? "";
  // What the person typed wins; the stand-in's settings fill in the rest.
  state.settings.baseUrl = text(saved.baseUrl, stand?.baseUrl);
  state.settings.workspaceId = text(saved.workspaceId, stand?.workspaceId);
  state.settings.timeoutSeconds = text(saved.timeoutSeconds);
  const token = storage.loadToken();
  // A token the person typed stays for the session; the stand-in's changes each time it starts.
  if (token?.source === "typed") state.token = token.token;
  else if (typeof stand?.token === "string") {
    state.token = stand.token;
    storage.saveToken(stand.token, "server");
  } else state.token = token?.token ?? "";
  fillWorkspaceList(stand?.workspaces);
  $("s-base-url").value = state.settings.baseUrl;
  $("s-token").value = state.token;
  $("s-workspace").value = state.settings.workspaceId;
  $("s-timeout").value = state.settings.timeoutSeconds;
  if (!state.token || !state.settings.workspaceId) $("settings").open = true;

  wireEvents();
  applyLocale();
  $("boot-status").remove();
  $("app").hidden = false;

  if (!hasClient) showFormError(t(state.locale, "noClient"));
  await openView(storage.loadView(state.settings.workspaceId));
}

function pickLocale(saved) {
  if (LOCALES.includes(saved)) return saved;
  const preferred = (navigator.language || "en").slice(0, 2).toLowerCase();
  return LOCALES.includes(preferred) ? preferred : "en";
}

/** The stand-in's settings when it served this page; `null` anywhere else. */
async function standInConfig() {
  if (!location.protocol.startsWith("http")) return null;
  try {
    const answer = await fetch(new URL("/config.json", location.href), {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
    if (!answer.ok) return null;
    const config = await answer.json();
    return config && typeof config === "object" ? config : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- building the DOM

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function buildLanguagePicker() {
  const select = $("language");
  for (const code of LOCALES) {
    const option = el("option", { value: code, lang: code }, LOCALE_NAMES[code]);
    select.append(option);
  }
  select.value = state.locale;
}

function fillWorkspaceList(workspaces) {
  const list = $("s-workspace-list");
  list.replaceChildren();
  if (!Array.isArray(workspaces)) return;
  for (const w of workspaces) {
    if (typeof w?.id !== "string") continue;
    const detail = typeof w.billingMode === "string" ? `${w.billingMode} (${w.limit})` : "";
    list.append(el("option", { value: w.id }, detail));
  }
}

function buildField(spec) {
  const id = inputId(spec.path);
  const wrapper = el("div", { class: "field", "data-path": spec.path });
  const label = el("label", { for: id });
  const labelText = el("span", { class: "label-text" });
  const mark = el("span", { class: "required-mark", "aria-hidden": "true" });
  label.append(labelText, " ", mark);
  const help = el("p", { class: "help", id: id + "-help" });
  const messages = el("div", { class: "messages", id: id + "-msg" });
  const counter = el("p", { class: "counter", id: id + "-count" });

  let input;
  if (spec.control === "textarea") input = el("textarea");
  else if (spec.control === "select") input = el("select");
  else input = el("input", { type: "text" });
  for (const [name, value] of Object.entries(spec.attrs ?? {})) input.setAttribute(name, value);
  input.id = id;
  input.name = spec.path;
  input.setAttribute("aria-describedby", [messages.id, help.id, counter.id].join(" "));

  wrapper.append(label, help, input, messages, counter);
  $(spec.group === "address" ? "group-address" : "group-account").append(wrapper);
  state.fields.set(spec.path, {
    spec,
    input,
    label: labelText,
    mark,
    help,
    counter,
    messages,
    touched: false,
    local: { errors: [], warnings: [] },
    server: [],
  });
}

function fillCurrencyOptions(field) {
  const select = field.input;
  const keep = select.value;
  let names = null;
  try {
    names = new Intl.DisplayNames([state.locale], { type: "currency" });
  } catch {
    names = null;
  }
  select.replaceChildren(el("option", { value: "" }, t(state.locale, "currencyDefault")));
  for (const code of baf.currencies()) {
    const name = names?.of(code.toUpperCase());
    const text = name ? `${code.toUpperCase()} — ${name}` : code.toUpperCase();
    select.append(el("option", { value: code }, text));
  }
  select.value = keep;
}

function fillCountryOptions(field) {
  const select = field.input;
  const keep = select.value;
  const collator = new Intl.Collator(state.locale);
  const countries = baf.countries(state.locale).sort((a, b) => collator.compare(a.name, b.name));
  select.replaceChildren(el("option", { value: "" }, t(state.locale, "countryNone")));
  for (const { code, name } of countries) select.append(el("option", { value: code }, name));
  select.value = keep;
}

// ---------------------------------------------------------------- language

function applyLocale() {
  const locale = state.locale;
  document.documentElement.lang = locale;
  document.documentElement.dir = DIRECTION[locale];
  document.title = t(locale, "title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(locale, node.dataset.t);
  for (const field of state.fields.values()) {
    field.label.textContent = t(locale, "label." + field.spec.path);
    if (field.spec.options === "currency") fillCurrencyOptions(field);
    if (field.spec.options === "country") fillCountryOptions(field);
  }
  applyMode();
  for (const path of state.fields.keys()) inspect(path);
  renderSummary();
}

/** Texts and states that depend on create or edit: required marks, help, the locked currency. */
function applyMode() {
  const locale = state.locale;
  const kind = requestKind();
  for (const [path, field] of state.fields) {
    // Required is what the library refuses when the field is left out.
    const required = baf.validateField(kind, path, undefined, { locale }).length > 0;
    field.mark.textContent = required ? t(locale, "required") : "";
    if (required) field.input.setAttribute("aria-required", "true");
    else field.input.removeAttribute("aria-required");
    const locked = lockedMessage(path);
    field.input.disabled = locked !== null;
    field.help.textContent = locked ?? helpText(locale, path, state.limits[path]);
    field.counter.hidden = !(path in state.limits);
  }
  const submit = $("submit");
  submit.textContent = t(locale, state.inFlight ? "sending" : state.mode === "edit" ? "submitUpdate" : "submitCreate");
  $("form-heading").textContent = t(locale, state.mode === "edit" ? "edit" : "create");
  $("picker").hidden = state.mode !== "edit";
  const chooser = $("account-select").querySelector('option[value=""]');
  if (chooser) chooser.textContent = t(locale, "chooseAccount");
}

/**
 * Why a field cannot be edited, in the library's words, or `null`: in edit mode, a field the
 * library refuses to update whatever its value (the currency) is shown but locked.
 */
function lockedMessage(path) {
  if (state.mode !== "edit") return null;
  const current = state.baseline ? getPath(state.baseline, path) ?? null : null;
  const found = baf.validateField("update", path, current, { locale: state.locale });
  return found.find((f) => f.code === "immutable")?.message ?? null;
}

function requestKind() {
  return state.mode === "edit" ? "update" : "create";
}

// ---------------------------------------------------------------- reading and checking fields

function valueOf(path) {
  return state.fields.get(path).input.value;
}

/** Every value a request may carry, as typed; locked fields are left out. */
function readValues() {
  const values = {};
  for (const [path, field] of state.fields) {
    if (!field.input.disabled) values[path] = field.input.value;
  }
  return values;
}

function bodyOf(values) {
  const body = {};
  for (const [path, value] of Object.entries(values)) setPath(body, path, value);
  return body;
}

/**
 * Asks the library about one field: its errors and warnings (via validateField), and its
 * length as the server counts it. Which findings block is the library's call too: its body
 * validation lists each as an error or a warning.
 */
function check(path, value) {
  const options = { locale: state.locale };
  const kind = requestKind();
  const found = baf.validateField(kind, path, value, options);
  const body = setPath({}, path, value);
  const whole = kind === "create" ? baf.validateCreate(body, options) : baf.validateUpdate(body, options);
  const warningCodes = new Set(whole.warnings.filter((w) => w.path === path).map((w) => w.code));
  return {
    errors: found.filter((f) => !warningCodes.has(f.code)),
    warnings: found.filter((f) => warningCodes.has(f.code)),
    length: path in state.limits ? serverLength(value) : 0,
  };
}

/** The length the server will count: `charCount` trims as the server does, then counts code points. */
function serverLength(value) {
  return typeof value === "string" ? baf.charCount(value) : 0;
}

/** Checks a field and shows the outcome. */
function inspect(path) {
  const field = state.fields.get(path);
  if (field.input.disabled) {
    field.local = { errors: [], warnings: [] };
    render(path);
    return;
  }
  const result = check(path, field.input.value);
  // Until a field has been left once, typing shows only what typing on cannot fix: text over
  // its limit. The rest waits until the field is left or the form submitted.
  field.local = field.touched ? result : { errors: result.errors.filter((e) => e.code === "too_long"), warnings: [] };
  renderCounter(field, result.length);
  render(path);
}

function renderCounter(field, length) {
  const max = state.limits[field.spec.path];
  if (typeof max !== "number") return;
  const remaining = max - length;
  field.counter.textContent = counterText(state.locale, remaining);
  field.counter.classList.toggle("over", remaining < 0);
  field.counter.dataset.remaining = String(remaining);
}

/** Reads a counter out (politely, once typing pauses) only when it gets near or past the limit. */
function announceCounter(field) {
  clearTimeout(state.announceTimer);
  state.announceTimer = setTimeout(() => {
    const max = state.limits[field.spec.path];
    const remaining = Number(field.counter.dataset.remaining);
    if (typeof max !== "number" || Number.isNaN(remaining)) return;
    if (remaining > Math.max(10, Math.floor(max / 10))) return;
    $("live").textContent = `${field.label.textContent}: ${field.counter.textContent}`;
  }, ANNOUNCE_AFTER_MS);
}

function shownErrors(field) {
  const errors = [...field.local.errors];
  for (const e of field.server) {
    if (!errors.some((x) => x.message === e.message)) errors.push(e);
  }
  return errors;
}

function render(path) {
  const field = state.fields.get(path);
  const errors = shownErrors(field);
  const warnings = field.local.warnings;
  const items = [];
  for (const e of errors) items.push(message("error", e.message));
  for (const w of warnings) items.push(message("warning", w.message));
  field.messages.replaceChildren(...items);
  if (errors.length) field.input.setAttribute("aria-invalid", "true");
  else field.input.removeAttribute("aria-invalid");
  const wrapper = field.input.closest(".field");
  wrapper.classList.toggle("has-error", errors.length > 0);
  wrapper.classList.toggle("has-warning", errors.length === 0 && warnings.length > 0);
  if (state.summaryOpen) renderSummary();
}

function message(kind, text) {
  const p = el("p", { class: "msg msg-" + kind });
  p.append(
    el("span", { class: "icon", "aria-hidden": "true" }, kind === "error" ? "✖" : "⚠"),
    el("span", { class: "visually-hidden" }, t(state.locale, kind === "error" ? "errorPrefix" : "warningPrefix") + " "),
    el("span", { class: "text" }, text),
  );
  return p;
}

// ---------------------------------------------------------------- error summary

function invalidFields() {
  return [...state.fields.values()].filter((f) => shownErrors(f).length > 0);
}

function renderSummary() {
  const summary = $("error-summary");
  const list = $("error-summary-list");
  const fields = invalidFields();
  const settings = [...state.settingErrors].filter(([, errors]) => errors.length > 0);
  if (!state.summaryOpen || (fields.length === 0 && settings.length === 0 && state.otherErrors.length === 0)) {
    state.summaryOpen = false;
    summary.hidden = true;
    list.replaceChildren();
    delete list.dataset.key;
    return;
  }
  const entries = settings.map(([path, errors]) => [
    SETTING_INPUTS[path],
    `${document.querySelector(`label[for="${SETTING_INPUTS[path]}"]`).textContent}: ${errors[0].message}`,
  ]);
  for (const f of fields) entries.push([f.input.id, `${f.label.textContent}: ${shownErrors(f)[0].message}`]);
  for (const e of state.otherErrors) entries.push([null, e.path ? `${e.path}: ${e.message}` : e.message]);
  summary.hidden = false;
  // Rebuilt only when it changes: a link pressed as its field is left must still be there on click.
  const key = JSON.stringify(entries);
  if (list.dataset.key === key) return;
  list.dataset.key = key;
  list.replaceChildren(
    ...entries.map(([id, text]) => {
      const item = el("li");
      if (id === null) item.textContent = text;
      else item.append(el("a", { href: "#" + id, "data-target": id }, text));
      return item;
    }),
  );
}

/** Shows the summary and puts the cursor in the first input to correct. */
function openSummary() {
  state.summaryOpen = true;
  renderSummary();
  const first = $("error-summary-list").querySelector("a[data-target]");
  if (first) focusInput(first.dataset.target);
  else $("error-summary").focus();
}

function focusInput(id) {
  const input = $(id);
  if (!input) return;
  const settings = input.closest("details");
  if (settings) settings.open = true;
  input.focus();
  input.scrollIntoView({ block: "center" });
}

function renderSetting(path) {
  const id = SETTING_INPUTS[path];
  const errors = state.settingErrors.get(path) ?? [];
  $(id + "-msg").replaceChildren(...errors.map((e) => message("error", e.message)));
  if (errors.length) $(id).setAttribute("aria-invalid", "true");
  else $(id).removeAttribute("aria-invalid");
  $(id).closest(".field").classList.toggle("has-error", errors.length > 0);
}

function clearSettingErrors() {
  for (const path of state.settingErrors.keys()) {
    state.settingErrors.set(path, []);
    renderSetting(path);
  }
}

// ---------------------------------------------------------------- notices

function showFormError(text) {
  const box = $("form-error");
  box.textContent = text;
  box.hidden = false;
}

function clearNotices() {
  $("form-error").hidden = true;
  $("form-error").textContent = "";
  $("form-status").textContent = "";
}

function showStatus(text) {
  $("form-status").textContent = text;
}

/** What an API error means for the form: 422s land on their fields, the rest is one message. */
function showApiError(error) {
  if (!error || typeof error.kind !== "string") {
    showFormError(t(state.locale, "unexpected"));
    return;
  }
  showFormError(error.message);
  if ((error.kind === "validation" || error.kind === "invalid_input") && Array.isArray(error.errors)) {
    state.otherErrors = [];
    clearSettingErrors();
    for (const e of error.errors) {
      const field = state.fields.get(e.path);
      if (field && !field.input.disabled) {
        field.touched = true;
        field.server.push(e);
      } else if (e.path in SETTING_INPUTS) {
        state.settingErrors.set(e.path, [...(state.settingErrors.get(e.path) ?? []), e]);
      } else state.otherErrors.push(e);
    }
    for (const path of state.fields.keys()) render(path);
    for (const path of state.settingErrors.keys()) renderSetting(path);
    openSummary();
  } else if (error.kind === "unauthorized" || error.kind === "forbidden") {
    $("settings").open = true;
  }
}

// ---------------------------------------------------------------- drafts

function saveDraft() {
  const ws = state.settings.workspaceId;
  if (state.mode === "create") {
    const values = {};
    for (const [path, value] of Object.entries(readValues())) if (value !== "") values[path] = value;
    storage.saveDraft(ws, "create", null, values);
  } else if (state.baseline) {
    // Only what differs from the account: a later change made elsewhere is not overwritten.
    const values = {};
    for (const [path, value] of Object.entries(readValues())) {
      if (value !== baselineText(path)) values[path] = value;
    }
    storage.saveDraft(ws, "edit", state.accountId, values);
  }
}

function baselineText(path) {
  const value = state.baseline ? getPath(state.baseline, path) : undefined;
  return typeof value === "string" ? value : "";
}

function restoreDraft(values) {
  if (!values) return false;
  let restored = false;
  for (const [path, value] of Object.entries(values)) {
    const field = state.fields.get(path);
    if (!field || field.input.disabled) continue;
    field.input.value = value;
    if (field.input.value !== value) continue; // a select option that no longer exists
    field.touched = true;
    restored = true;
  }
  return restored;
}

// ---------------------------------------------------------------- views: create, or edit one account

function resetFields() {
  for (const field of state.fields.values()) {
    field.input.value = "";
    field.touched = false;
    field.server = [];
    field.local = { errors: [], warnings: [] };
  }
  state.otherErrors = [];
  state.summaryOpen = false;
}

function setFormEnabled(enabled) {
  $("group-account").disabled = !enabled;
  $("group-address").disabled = !enabled;
  $("submit").disabled = !enabled || state.inFlight;
  $("discard").disabled = !enabled;
}

async function openView(view) {
  state.mode = view.mode === "edit" ? "edit" : "create";
  // Kept in create mode too: switching back to edit reopens the account last edited.
  state.accountId = typeof view.accountId === "string" ? view.accountId : null;
  state.baseline = null;
  $(state.mode === "edit" ? "mode-edit" : "mode-create").checked = true;
  resetFields();
  applyMode();
  if (state.mode === "create") {
    setFormEnabled(true);
    if (restoreDraft(storage.loadDraft(state.settings.workspaceId, "create", null))) {
      showStatus(t(state.locale, "draftRestored"));
    }
    refreshAll();
    return;
  }
  setFormEnabled(false);
  refreshAll();
  await loadList();
  if (state.accountId) await loadAccount(state.accountId);
}

function refreshAll() {
  for (const path of state.fields.keys()) inspect(path);
  renderSummary();
}

function saveView() {
  storage.saveView(state.settings.workspaceId, { mode: state.mode, accountId: state.accountId ?? undefined });
}

function clientConfig() {
  const config = { token: state.token, locale: state.locale };
  if (state.settings.baseUrl.trim() !== "") config.baseUrl = state.settings.baseUrl.trim();
  if (state.settings.timeoutSeconds.trim() !== "") {
    // The library judges the number; the page only converts seconds to milliseconds.
    config.timeoutMs = Number(state.settings.timeoutSeconds) * 1000;
  }
  return config;
}

async function loadList() {
  if (!hasClient) return;
  const seq = ++state.listSeq;
  const select = $("account-select");
  const status = $("picker-status");
  status.textContent = t(state.locale, "loadingList");
  try {
    const list = await baf.listBillingAccounts(clientConfig(), state.settings.workspaceId);
    if (seq !== state.listSeq) return;
    const options = [el("option", { value: "" }, t(state.locale, "chooseAccount"))];
    for (const account of list.data) {
      options.push(el("option", { value: account.id }, `${account.name} — ${account.email} (${account.id})`));
    }
    select.replaceChildren(...options);
    select.value = state.accountId ?? "";
    if (select.value !== (state.accountId ?? "")) select.value = "";
    status.textContent = list.data.length === 0 ? t(state.locale, "noAccounts") : "";
  } catch (error) {
    if (seq !== state.listSeq) return;
    status.textContent = "";
    showApiError(error);
  }
}

async function loadAccount(id) {
  if (!hasClient) return;
  const seq = ++state.loadSeq;
  state.accountId = id;
  state.baseline = null;
  saveView();
  resetFields();
  setFormEnabled(false);
  applyMode();
  refreshAll();
  $("picker-status").textContent = t(state.locale, "loadingAccount");
  try {
    const account = await baf.getBillingAccount(clientConfig(), state.settings.workspaceId, id);
    if (seq !== state.loadSeq) return;
    $("picker-status").textContent = "";
    showBaseline(account);
    if (restoreDraft(storage.loadDraft(state.settings.workspaceId, "edit", id))) {
      showStatus(t(state.locale, "draftRestored"));
    }
    setFormEnabled(true);
    refreshAll();
  } catch (error) {
    if (seq !== state.loadSeq) return;
    $("picker-status").textContent = "";
    showApiError(error);
  }
}

/** Puts an account in the form as the new baseline. */
function showBaseline(account, keep = null) {
  state.baseline = account;
  state.accountId = account.id;
  applyMode();
  for (const [path, field] of state.fields) {
    if (keep && path in keep) continue;
    const value = getPath(account, path);
    field.input.value = typeof value === "string" ? value : "";
    field.server = [];
  }
}

// ---------------------------------------------------------------- sending

/** An update carries only what differs from the account; an emptied phone or description is `null`. */
function patchFrom(normalized, account) {
  const patch = {};
  for (const [key, value] of Object.entries(normalized)) {
    const before = account[key];
    if (sameValue(value, before)) continue;
    if (isObject(value) && isBlankObject(value)) patch[key] = null;
    else patch[key] = value ?? null;
  }
  return patch;
}

function isObject(v) {
  return typeof v === "object" && v !== null;
}

function isBlankObject(v) {
  return Object.values(v).every((x) => x === null || x === undefined);
}

function sameValue(a, b) {
  const blank = (v) => v === null || v === undefined || (isObject(v) && isBlankObject(v));
  if (blank(a) && blank(b)) return true;
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

async function submit(event) {
  event.preventDefault();
  // The button is disabled while a request runs; this also stops a second Enter or a script.
  if (state.inFlight) return;
  clearNotices();
  if (state.mode === "edit" && !state.baseline) {
    showFormError(t(state.locale, "pickFirst"));
    return;
  }
  for (const field of state.fields.values()) {
    field.touched = true;
    field.server = [];
  }
  state.otherErrors = [];
  clearSettingErrors();
  const values = readValues();
  const body = bodyOf(values);
  const options = { locale: state.locale };
  const verdict = state.mode === "create" ? baf.validateCreate(body, options) : baf.validateUpdate(body, options);
  refreshAll();
  if (!verdict.ok) {
    state.otherErrors = verdict.errors.filter((e) => !state.fields.has(e.path));
    openSummary();
    return;
  }
  state.summaryOpen = false;
  renderSummary();
  if (!hasClient) {
    showFormError(t(state.locale, "noClient"));
    return;
  }

  let send;
  if (state.mode === "create") {
    send = () => baf.createBillingAccount(clientConfig(), state.settings.workspaceId, body);
  } else {
    const patch = patchFrom(verdict.value, state.baseline);
    if (Object.keys(patch).length === 0) {
      showStatus(t(state.locale, "noChanges"));
      return;
    }
    const id = state.accountId;
    send = () => baf.updateBillingAccount(clientConfig(), state.settings.workspaceId, id, patch);
  }

  const workspace = state.settings.workspaceId;
  const mode = state.mode;
  const accountId = state.accountId;
  setInFlight(true);
  try {
    const account = await send();
    succeeded(account, { workspace, mode, accountId, sent: values });
  } catch (error) {
    showApiError(error);
  } finally {
    setInFlight(false);
  }
}

function setInFlight(busy) {
  state.inFlight = busy;
  const button = $("submit");
  const hadFocus = document.activeElement === button || document.activeElement === document.body;
  button.disabled = busy;
  // What the answer will be applied to stays put until it comes: the task and the account.
  for (const id of ["mode-create", "mode-edit", "account-select", "refresh-list", "s-workspace"]) $(id).disabled = busy;
  button.textContent = t(state.locale, busy ? "sending" : state.mode === "edit" ? "submitUpdate" : "submitCreate");
  $("account-form").setAttribute("aria-busy", busy ? "true" : "false");
  if (!busy && hadFocus && document.activeElement === document.body) button.focus();
}

/**
 * After a create or an update: the account becomes the form's baseline (a created one is now
 * edited, so a repeated submit cannot create a second). Anything typed while the request ran
 * is kept, and stays a draft.
 */
function succeeded(account, { workspace, mode, accountId, sent }) {
  storage.clearDraft(workspace, mode, accountId);
  if (workspace !== state.settings.workspaceId) return;
  const typedSince = {};
  for (const [path, value] of Object.entries(readValues())) {
    if (path in sent && value !== sent[path]) typedSince[path] = value;
  }
  state.mode = "edit";
  $("mode-edit").checked = true;
  showBaseline(account, typedSince);
  for (const field of state.fields.values()) field.touched = field.input.value !== "";
  saveView();
  saveDraft();
  setFormEnabled(true);
  refreshAll();
  const key = mode === "create" ? "created" : "updated";
  showStatus(t(state.locale, key, { name: account.name, id: account.id }));
  void loadList();
}

// ---------------------------------------------------------------- events

function wireEvents() {
  const form = $("account-form");
  form.addEventListener("submit", submit);
  form.addEventListener("input", (event) => {
    const path = event.target?.name;
    if (!state.fields.has(path)) return;
    const field = state.fields.get(path);
    field.server = [];
    inspect(path);
    announceCounter(field);
    saveDraft();
  });
  form.addEventListener("change", (event) => {
    const path = event.target?.name;
    if (!state.fields.has(path)) return;
    state.fields.get(path).touched = true;
    inspect(path);
    saveDraft();
  });
  form.addEventListener("focusout", (event) => {
    const path = event.target?.name;
    if (!state.fields.has(path)) return;
    state.fields.get(path).touched = true;
    inspect(path);
  });

  $("error-summary").addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-target]");
    if (!link) return;
    event.preventDefault();
    focusInput(link.dataset.target);
  });

  $("discard").addEventListener("click", () => {
    storage.clearDraft(state.settings.workspaceId, state.mode, state.accountId);
    clearNotices();
    resetFields();
    if (state.baseline) showBaseline(state.baseline);
    refreshAll();
    showStatus(t(state.locale, "draftDiscarded"));
  });

  $("language").addEventListener("change", (event) => {
    state.locale = event.target.value;
    storage.saveSettings({ ...storage.loadSettings(), locale: state.locale });
    applyLocale();
  });

  for (const radio of document.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener("change", () => {
      if (!radio.checked || radio.value === state.mode) return;
      clearNotices();
      state.mode = radio.value;
      saveView();
      void openView({ mode: state.mode, accountId: state.accountId });
    });
  }

  $("account-select").addEventListener("change", (event) => {
    const id = event.target.value;
    clearNotices();
    if (id) void loadAccount(id);
    else {
      state.accountId = null;
      state.baseline = null;
      saveView();
      resetFields();
      setFormEnabled(false);
      applyMode();
      refreshAll();
    }
  });
  $("refresh-list").addEventListener("click", () => void loadList());

  for (const [path, id] of Object.entries(SETTING_INPUTS)) {
    $(id).addEventListener("input", () => {
      if (!state.settingErrors.get(path)?.length) return;
      state.settingErrors.set(path, []);
      renderSetting(path);
      renderSummary();
    });
  }
  const setting = (id, key, onChange) => {
    const input = $(id);
    input.addEventListener("input", () => {
      state.settings[key] = input.value;
      storage.saveSettings({ ...storage.loadSettings(), [key]: input.value });
    });
    if (onChange) input.addEventListener("change", onChange);
  };
  setting("s-base-url", "baseUrl", () => state.mode === "edit" && void loadList());
  setting("s-timeout", "timeoutSeconds");
  setting("s-workspace", "workspaceId", () => {
    clearNotices();
    void openView(storage.loadView(state.settings.workspaceId));
  });
  $("s-token").addEventListener("input", (event) => {
    state.token = event.target.value;
    storage.saveToken(state.token, "typed");
  });
  $("s-token").addEventListener("change", () => state.mode === "edit" && void loadList());
}

// Entry `billing-account-form/element`: importing it defines <billing-account-form>, a drop-in
// billing-account form built on the headless controller (`./form.js`). Every rule, limit, list
// and rule message comes from the library; the element holds its labels and notices
// (`./element-text.js`). Text from people or servers goes in through textContent, never as HTML.
import { ready, createBillingAccountForm, FIELD_PATHS } from "./form.js";
import { currencies, countries } from "./index.js";
import { LOCALES, DIRECTION, t, helpText, counterText } from "./element-text.js";
import css from "./element-css.js";

const LAYOUT = {
  name: { group: "account", attrs: { autocomplete: "organization", dir: "auto" } },
  // Not type="email": the browser's own check differs from the server's and rewrites the text.
  email: { group: "account", attrs: { autocomplete: "email", inputmode: "email", dir: "ltr", spellcheck: "false" } },
  phone: { group: "account", attrs: { type: "tel", autocomplete: "tel", dir: "ltr" } },
  description: { group: "account", control: "textarea", attrs: { rows: "3", dir: "auto" } },
  currency: { group: "account", control: "select" },
  "address.country": { group: "address", attrs: { autocomplete: "country", spellcheck: "false" } },
  "address.line1": { group: "address", attrs: { autocomplete: "address-line1", dir: "auto" } },
  "address.line2": { group: "address", attrs: { autocomplete: "address-line2", dir: "auto" } },
  "address.city": { group: "address", attrs: { autocomplete: "address-level2", dir: "auto" } },
  "address.state": { group: "address", attrs: { autocomplete: "address-level1", dir: "auto" } },
  "address.postal_code": { group: "address", attrs: { autocomplete: "postal-code", dir: "ltr" } },
};
const DRAFT = "billing-account-form.draft.v2:";

let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
const inputId = (path) => "f-" + path.replace(/\./g, "-");
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

function read(key) {
  try {
    const text = sessionStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
function write(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused (privacy mode, quota): the draft is not kept.
  }
}

export class BillingAccountFormElement extends HTMLElement {
  static observedAttributes = ["workspace-id", "account-id", "base-url", "locale", "timeout-ms", "account-limit"];

  #token = "";
  #getToken = null;
  #form = null;
  #ui = null;
  #fields = new Map();
  #locale = "en";
  #shown = { summary: false, restored: false, discarded: null, notice: null, full: null };
  #last = null;
  #title = null;
  #countryIndex = [];

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styles()];
  }

  /** The API token (a property only: never an attribute, never kept with a draft). */
  get token() {
    return this.#token;
  }
  set token(value) {
    this.#token = typeof value === "string" ? value : "";
    this.#configure();
  }
  /** A callback giving the token (sync or async), asked before each request. */
  get getToken() {
    return this.#getToken;
  }
  set getToken(fn) {
    this.#getToken = typeof fn === "function" ? fn : null;
    this.#configure();
  }
  /** The headless controller behind the element (null until the library has started). */
  get controller() {
    return this.#form;
  }

  connectedCallback() {
    if (this.#ui) return;
    this.#locale = this.#pickLocale();
    this.#build();
    this.#boot();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || this.#quiet) return;
    // The language applies at once, to the loading and load-failure texts too.
    if (name === "locale") return this.#ui ? this.#setLocale(this.#pickLocale()) : undefined;
    if (!this.#form) return;
    if (name === "account-id" || name === "workspace-id") return void this.#open();
    this.#configure();
  }

  #pickLocale() {
    const wanted = (this.getAttribute("locale") ?? this.closest("[lang]")?.getAttribute("lang") ?? "en").slice(0, 2).toLowerCase();
    return LOCALES.includes(wanted) ? wanted : "en";
  }

  #boot() {
    const ui = this.#ui;
    ui.loading.hidden = false;
    ui.loading.textContent = t(this.#locale, "loading");
    ui.bootError.hidden = true;
    ready.then(
      () => this.#start(),
      () => {
        ui.loading.hidden = true;
        ui.bootError.hidden = false;
        ui.bootText.textContent = t(this.#locale, "loadFailed");
        ui.retry.textContent = t(this.#locale, "retry");
      },
    );
  }

  // ------------------------------------------------------------ DOM, built once

  #build() {
    const root = this.shadowRoot;
    const ui = {};
    const wrap = el("div", { part: "root", class: "root" });
    ui.wrap = wrap;
    ui.loading = el("p", { class: "loading", role: "status", part: "loading" });
    ui.bootError = el("div", { class: "notice notice-error", role: "alert", part: "notice" });
    ui.bootText = el("p");
    ui.retry = el("button", { type: "button", class: "secondary" });
    ui.retry.addEventListener("click", () => location.reload());
    ui.bootError.append(ui.bootText, ui.retry);

    const form = el("form", { novalidate: "", part: "form", "aria-labelledby": "heading" });
    ui.form = form;
    ui.heading = el("h2", { id: "heading", part: "heading", tabindex: "-1" });
    ui.draftNotice = el("div", { id: "draft-notice", class: "notice notice-ok", role: "status", part: "notice" });
    ui.full = el("div", { id: "full", class: "notice notice-warning", part: "notice", hidden: "" });
    // GOV.UK's error summary: focused when shown, a named group whose alert is read out.
    ui.summary = el("div", { id: "error-summary", class: "error-summary", role: "group", "aria-labelledby": "error-summary-title", tabindex: "-1", part: "error-summary", hidden: "" });
    const alert = el("div", { role: "alert" });
    ui.summaryTitle = el("h3", { id: "error-summary-title" });
    ui.summaryIntro = el("p");
    ui.summaryList = el("ul", { id: "error-summary-list" });
    alert.append(ui.summaryTitle, ui.summaryIntro, ui.summaryList);
    ui.summary.append(alert);
    ui.summary.addEventListener("click", (event) => {
      const link = event.target.closest?.("a[data-path]");
      if (!link) return;
      event.preventDefault();
      this.#fields.get(link.dataset.path)?.input.focus();
    });
    ui.groups = {
      account: el("fieldset", { id: "group-account", class: "group", part: "group" }),
      address: el("fieldset", { id: "group-address", class: "group", part: "group" }),
    };
    ui.legends = { account: el("legend"), address: el("legend") };
    for (const g of ["account", "address"]) ui.groups[g].append(ui.legends[g]);
    for (const path of FIELD_PATHS) this.#buildField(path, ui.groups[LAYOUT[path].group]);
    ui.countries = el("datalist", { id: "country-list" });
    ui.groups.address.append(ui.countries);

    ui.confirm = el("div", { id: "confirm", class: "notice notice-warning", role: "alert", part: "notice", tabindex: "-1", hidden: "" });
    ui.unknown = el("div", { id: "unknown", class: "notice notice-warning", part: "notice", tabindex: "-1", hidden: "" });
    ui.error = el("div", { id: "form-error", class: "notice notice-error", role: "alert", part: "notice", tabindex: "-1" });
    ui.status = el("div", { id: "form-status", class: "notice notice-ok", role: "status", part: "notice" });
    const actions = el("div", { class: "actions", part: "actions" });
    ui.submit = el("button", { type: "submit", id: "submit", part: "submit" });
    ui.discard = el("button", { type: "button", id: "discard", class: "secondary", part: "discard", hidden: "" });
    ui.another = el("button", { type: "button", id: "new-account", class: "secondary", part: "new-account", hidden: "" });
    actions.append(ui.submit, ui.discard, ui.another);
    ui.live = el("div", { id: "live", class: "visually-hidden", "aria-live": "polite" });
    form.append(ui.heading, ui.draftNotice, ui.full, ui.summary, ui.groups.account, ui.groups.address, ui.confirm, ui.unknown, ui.error, ui.status, actions);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
    ui.discard.addEventListener("click", () => this.#discard());
    ui.another.addEventListener("click", () => {
      this.removeAttribute("account-id");
      if (this.#form?.startCreate()) this.#afterOpen();
    });
    wrap.append(ui.loading, ui.bootError, form, ui.live);
    root.append(wrap);
    this.#ui = ui;
    this.#setFormEnabled(false);
    this.#applyTexts();
  }

  #buildField(path, group) {
    const spec = LAYOUT[path];
    const id = inputId(path);
    const wrapper = el("div", { class: "field", "data-path": path, part: "field" });
    const label = el("label", { for: id, part: "label" });
    const text = el("span", { class: "label-text" });
    const mark = el("span", { class: "required-mark", "aria-hidden": "true" });
    label.append(text, " ", mark);
    const help = el("p", { class: "help", id: id + "-help", part: "help" });
    const input = el(spec.control === "textarea" ? "textarea" : spec.control === "select" ? "select" : "input", { part: "input" });
    if (input.tagName === "INPUT") input.type = "text";
    for (const [k, v] of Object.entries(spec.attrs ?? {})) input.setAttribute(k, v);
    if (path === "address.country") input.setAttribute("list", "country-list");
    input.id = id;
    input.name = path;
    const messages = el("div", { class: "messages", id: id + "-msg" });
    const counter = el("p", { class: "counter", id: id + "-count", hidden: "" });
    input.setAttribute("aria-describedby", `${messages.id} ${help.id} ${counter.id}`);
    wrapper.append(label, help, input, messages, counter);
    group.append(wrapper);
    const field = { path, wrapper, input, text, mark, help, messages, counter, announced: "" };
    this.#fields.set(path, field);
    input.addEventListener("input", () => this.#typed(field));
    input.addEventListener("change", () => {
      this.#typed(field);
      this.#form?.touch(path);
    });
    input.addEventListener("focusout", () => {
      this.#form?.touch(path);
      if (this.#form) this.#render(this.#form.getState());
    });
  }

  #typed(field) {
    if (!this.#form) return;
    this.#announceCounter(field);
    let value = field.input.value;
    if (field.path === "address.country") value = this.#countryCode(value);
    this.#form.set(field.path, value);
    this.#keepDraft();
  }

  /** This tab's unsent draft (sessionStorage: tabs never overwrite each other's), never the token. */
  #keepDraft() {
    const form = this.#form;
    if (!form) return;
    const draft = form.draft;
    write(this.#draftKey(form.getState()), Object.keys(draft.values).length ? draft : null);
  }

  /** Reads a counter out (politely, once typing pauses) only near or past the limit. */
  #announceCounter(field) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const c = this.#form?.getState().fields[field.path].counter;
      if (c?.near) this.#ui.live.textContent = `${field.text.textContent}: ${counterText(this.#locale, c.remaining)}`;
    }, 1200);
  }
  #announceTimer = 0;

  /** A country typed by name (any case, accents optional, in the form's language) or by code. */
  #countryCode(text) {
    const typed = fold(text.trim());
    if (typed === "") return "";
    const byCode = this.#countryIndex.find((c) => c.code.toLowerCase() === typed);
    if (byCode) return byCode.code;
    const byName = this.#countryIndex.find((c) => c.folded === typed);
    if (byName) return byName.code;
    const starts = this.#countryIndex.filter((c) => c.folded.startsWith(typed));
    return starts.length === 1 ? starts[0].code : text.trim();
  }

  #countryName(code) {
    return this.#countryIndex.find((c) => c.code === code)?.name ?? code;
  }

  // ------------------------------------------------------------ the controller

  #clientConfig() {
    const config = { token: this.#token };
    if (this.#getToken) config.getToken = this.#getToken;
    const base = this.getAttribute("base-url");
    if (base) config.baseUrl = base;
    const timeout = this.getAttribute("timeout-ms");
    if (timeout !== null && timeout.trim() !== "") config.timeoutMs = Number(timeout);
    return config;
  }

  #configure() {
    this.#form?.configure({ workspaceId: this.getAttribute("workspace-id") ?? "", config: this.#clientConfig() });
  }

  #start() {
    const region = (() => {
      try {
        return new Intl.Locale(navigator.language).maximize().region ?? "";
      } catch {
        return "";
      }
    })();
    this.#region = /^[A-Z]{2}$/.test(region) ? region : "";
    this.#form = createBillingAccountForm({
      mode: "create",
      locale: this.#locale,
      workspaceId: this.getAttribute("workspace-id") ?? "",
      config: this.#clientConfig(),
    });
    this.#form.subscribe((state) => this.#render(state));
    this.#ui.loading.hidden = true;
    this.#applyTexts();
    void this.#open();
  }
  #region = "";

  /** Opens what the attributes name: the account to edit, or a new one. */
  async #open() {
    const form = this.#form;
    const id = this.getAttribute("account-id");
    this.#configure();
    this.#shown.summary = false;
    this.#shown.notice = null;
    this.#shown.full = null;
    if (id) {
      if (form.getState().account?.id === id) return;
      this.#setFormEnabled(false);
      const account = await form.load(id);
      if (this.getAttribute("account-id") !== id) return;
      if (!account) return this.#render(form.getState());
    } else if (form.getState().mode !== "create") form.startCreate();
    this.#afterOpen();
    if (!id) void this.#checkCapacity();
  }

  #afterOpen() {
    const form = this.#form;
    const state = form.getState();
    if (state.mode === "create" && this.#region) form.setDefaults({ "address.country": this.#region });
    this.#shown.restored = form.restore(read(this.#draftKey(state)));
    this.#setFormEnabled(true);
    this.#render(form.getState());
  }

  #draftKey(state) {
    return `${DRAFT}${state.workspaceId}:${state.mode === "update" ? "edit:" + state.account?.id : "create"}`;
  }

  #capacitySeq = 0;

  /** Whether the workspace already holds as many accounts as it may: said before anything is typed. */
  async #checkCapacity(refused = false) {
    let limit = Number(this.getAttribute("account-limit") || 10);
    if (!this.getAttribute("workspace-id") || (!this.#token && !this.#getToken)) return;
    const seq = ++this.#capacitySeq;
    try {
      const list = await this.#form.accounts();
      // Only the latest look counts (a slow first look must not undo what a 409 taught).
      if (seq !== this.#capacitySeq || this.#form.getState().mode !== "create") return;
      // A 409 says the workspace is full at what it holds, whatever the host said its limit was.
      if (refused && list.data.length > 0) limit = Math.min(limit, list.data.length);
      this.#shown.full = list.data.length >= limit ? { limit, accounts: list.data } : null;
    } catch {
      if (seq !== this.#capacitySeq) return;
      this.#shown.full = null;
    }
    this.#render(this.#form.getState());
  }

  /** Sends the form (the button and Enter call this; one request at a time). */
  async submit(options) {
    const form = this.#form;
    if (!form) return { status: "busy" };
    this.#shown.notice = null;
    const before = form.getState();
    const result = await form.submit(options);
    this.#after(result, before);
    return result;
  }

  #after(result, before) {
    const ui = this.#ui;
    const state = this.#form.getState();
    // The button was disabled while sending: focus stays where the person was, on it.
    if (!this.shadowRoot.activeElement && (document.activeElement === document.body || document.activeElement === this)) {
      ui.submit.focus();
    }
    if (result.status === "invalid") {
      this.#shown.summary = true;
      this.#render(state);
      ui.summary.focus();
    } else if (result.status === "confirm") {
      this.#render(state);
      ui.confirm.focus();
    } else if (result.status === "saved") {
      const created = before.mode === "create";
      this.#shown.summary = false;
      this.#shown.notice = created
        ? t(state.locale, "createdEditing", { name: result.account.name, id: result.account.id })
        : t(state.locale, "updated", { name: result.account.name, id: result.account.id });
      this.#saved(result.account, created);
    } else if (result.status === "unchanged") {
      this.#shown.notice = t(state.locale, "noChanges");
      this.#render(state);
    } else if (result.status === "failed") {
      const e = result.error;
      this.#shown.summary = Array.isArray(e?.errors) && e.errors.length > 0;
      if (e?.kind === "conflict") void this.#checkCapacity(true);
      this.#render(state);
      if (this.#shown.summary) ui.summary.focus();
      else if (e?.kind !== "validation") ui.error.focus();
      // The host may move focus to what it owns (a refused token in its settings).
      this.dispatchEvent(new CustomEvent("failed", { bubbles: true, detail: e }));
    } else if (result.status === "found" || result.status === "unknown") {
      this.#render(state);
      ui.unknown.focus();
      if (result.error) this.dispatchEvent(new CustomEvent("failed", { bubbles: true, detail: result.error }));
    }
  }

  #saved(account, created) {
    const state = this.#form.getState();
    write(`${DRAFT}${state.workspaceId}:create`, null);
    write(`${DRAFT}${state.workspaceId}:edit:${account.id}`, null);
    this.#setAttr("account-id", account.id);
    this.#render(this.#form.getState());
    this.dispatchEvent(new CustomEvent("saved", { bubbles: true, detail: { account, created } }));
  }

  #setAttr(name, value) {
    // Set without reopening: the controller already holds this account.
    this.#quiet = true;
    this.setAttribute(name, value);
    this.#quiet = false;
  }
  #quiet = false;

  #discard() {
    const form = this.#form;
    const state = form.getState();
    if (state.submitting) return;
    const draft = form.draft;
    form.reset();
    this.#shown.restored = false;
    this.#shown.discarded = draft;
    this.#shown.summary = false;
    write(this.#draftKey(state), null);
    this.#render(form.getState());
    this.#ui.draftNotice.querySelector("button")?.focus();
  }

  #undo() {
    const draft = this.#shown.discarded;
    this.#shown.discarded = null;
    if (draft) this.#form.restore(draft);
    this.#keepDraft();
    this.#render(this.#form.getState());
    this.#ui.discard.focus();
  }

  #setLocale(locale) {
    this.#locale = locale;
    if (!this.#form) return this.#applyTexts();
    this.#form.setLocale(locale);
    this.#applyTexts();
    this.#render(this.#form.getState());
  }

  #setFormEnabled(on) {
    for (const g of Object.values(this.#ui.groups)) g.disabled = !on;
    this.#ui.submit.disabled = !on;
  }

  // ------------------------------------------------------------ rendering

  #applyTexts() {
    const locale = this.#locale;
    const ui = this.#ui;
    ui.wrap.setAttribute("dir", DIRECTION[locale]);
    ui.wrap.setAttribute("lang", locale);
    ui.legends.account.textContent = t(locale, "accountGroup");
    ui.legends.address.textContent = t(locale, "addressGroup");
    ui.summaryTitle.textContent = t(locale, "summaryTitle");
    ui.summaryIntro.textContent = t(locale, "summaryIntro");
    ui.discard.textContent = t(locale, "discard");
    ui.another.textContent = t(locale, "newAccount");
    ui.loading.textContent = t(locale, "loading");
    ui.bootText.textContent = t(locale, "loadFailed");
    ui.retry.textContent = t(locale, "retry");
    for (const f of this.#fields.values()) f.text.textContent = t(locale, "label." + f.path);
    if (!this.#form) return;
    const names = (() => {
      try {
        return new Intl.DisplayNames([locale], { type: "currency" });
      } catch {
        return null;
      }
    })();
    const select = this.#fields.get("currency").input;
    const keep = select.value;
    select.replaceChildren(el("option", { value: "" }, t(locale, "currencyDefault")));
    for (const code of currencies()) {
      const name = names?.of(code.toUpperCase());
      select.append(el("option", { value: code }, name ? `${code.toUpperCase()} — ${name}` : code.toUpperCase()));
    }
    select.value = keep;
    const collator = new Intl.Collator(locale);
    this.#countryIndex = countries(locale)
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((c) => ({ ...c, folded: fold(c.name) }));
    this.#ui.countries.replaceChildren(...this.#countryIndex.map((c) => el("option", { value: c.name })));
    const country = this.#fields.get("address.country").input;
    country.placeholder = t(locale, "countryPlaceholder");
  }

  #render(state) {
    const ui = this.#ui;
    const locale = state.locale;
    const editing = state.mode === "update";
    ui.heading.textContent = t(locale, editing ? "edit" : "create");
    ui.submit.textContent = t(locale, state.submitting ? "sending" : editing ? "submitUpdate" : "submitCreate");
    ui.submit.disabled = state.submitting || state.loading || state.unknown?.checking === true;
    ui.form.setAttribute("aria-busy", String(state.submitting || state.loading));
    for (const f of this.#fields.values()) this.#renderField(f, state.fields[f.path], state);

    // The summary: every error, a link to its field; errors on no field (settings) as text.
    const errors = [];
    for (const path of FIELD_PATHS) for (const e of state.fields[path].errors) errors.push(e);
    errors.push(...state.formErrors);
    if (this.#shown.summary && errors.length === 0) this.#shown.summary = false;
    ui.summary.hidden = !this.#shown.summary;
    if (this.#shown.summary) {
      // A likely typo is listed too (after the errors), so it is not missed.
      const suggestions = FIELD_PATHS.flatMap((p) => state.fields[p].warnings.filter((w) => w.params?.suggestion !== undefined));
      ui.summaryList.replaceChildren(
        ...[...errors, ...suggestions].map((e) => {
          const li = el("li");
          const field = this.#fields.get(e.path);
          const text = field ? t(locale, "fieldError", { label: field.text.textContent, message: e.message }) : e.message;
          if (field) {
            const a = el("a", { href: "#" + field.input.id, "data-path": e.path }, text);
            li.append(a);
          } else li.textContent = text;
          return li;
        }),
      );
    }
    this.#renderTitle(this.#shown.summary);

    // Notices near the top: a restored draft (with Discard next to it), a discarded one (Undo).
    ui.draftNotice.replaceChildren();
    if (this.#shown.discarded) {
      const undo = el("button", { type: "button", class: "link" }, t(locale, "draftUndo"));
      undo.addEventListener("click", () => this.#undo());
      ui.draftNotice.append(el("span", {}, t(locale, "draftDiscarded")), undo);
    } else if (this.#shown.restored && state.dirty) {
      ui.draftNotice.append(el("span", {}, t(locale, "draftRestored")));
    }
    ui.discard.hidden = !state.dirty || state.status === "saved";
    ui.discard.disabled = state.submitting;
    ui.another.hidden = !editing || state.submitting;

    // A full workspace, said before anything is typed.
    const full = !editing && this.#shown.full;
    ui.full.hidden = !full;
    for (const g of Object.values(ui.groups)) g.disabled = Boolean(full) || state.loading || !this.#form;
    if (full) {
      ui.submit.disabled = true;
      const list = el("ul");
      for (const a of full.accounts.slice(0, 10)) {
        const b = el("button", { type: "button", class: "link" }, t(locale, "openAccount", { name: a.name, id: a.id }));
        b.addEventListener("click", () => this.setAttribute("account-id", a.id));
        const li = el("li");
        li.append(b);
        list.append(li);
      }
      ui.full.replaceChildren(el("p", {}, t(locale, "full", { count: full.accounts.length, limit: full.limit })), list);
    }

    // An email suggestion ignored at submit: asked once.
    ui.confirm.hidden = state.confirm.length === 0;
    if (state.confirm.length) {
      const w = state.confirm[0];
      const value = state.fields[w.path].value;
      const use = el("button", { type: "button" }, t(locale, "useSuggestion", { suggestion: w.params.suggestion }));
      use.addEventListener("click", () => {
        this.#form.accept(w.path);
        this.#keepDraft();
        void this.submit();
      });
      const keep = el("button", { type: "button", class: "secondary" }, t(locale, "keepAndSend", { value }));
      keep.addEventListener("click", () => void this.submit({ keepWarnings: true }));
      ui.confirm.replaceChildren(el("p", {}, t(locale, "confirmText", { value, suggestion: w.params.suggestion })), use, keep);
    }

    // A create whose outcome is unknown: look first, then offer what can be done.
    const u = state.unknown;
    ui.unknown.hidden = !u;
    if (u) {
      ui.unknown.setAttribute("role", u.checking ? "status" : "alert");
      const key = u.checking ? "checking" : u.found ? "found" : u.lookupFailed ? "lookupFailed" : "notFound";
      const parts = [el("p", {}, t(locale, key, { name: u.found?.name, id: u.found?.id }))];
      if (!u.checking) {
        if (u.found) {
          const open = el("button", { type: "button" }, t(locale, "openFound"));
          open.addEventListener("click", () => {
            const account = u.found;
            if (this.#form.openFound()) {
              this.#shown.notice = t(this.#locale, "createdEditing", { name: account.name, id: account.id });
              this.#saved(account, true);
              this.#ui.heading.focus();
            }
          });
          parts.push(open);
        } else {
          const again = el("button", { type: "button" }, t(locale, "checkAgain"));
          again.addEventListener("click", () => void this.#form.checkAgain().then(() => this.#ui.unknown.focus()));
          parts.push(again);
        }
        const anyway = el("button", { type: "button", class: "secondary" }, t(locale, "createAnyway"));
        anyway.addEventListener("click", async () => {
          const before = this.#form.getState();
          this.#after(await this.#form.createAnyway(), before);
        });
        parts.push(anyway);
      }
      ui.unknown.replaceChildren(...parts);
    }

    // The form-level message, worded from the error's kind in the current language.
    const e = state.status === "failed" ? state.error : null;
    ui.error.textContent = e ? this.#errorText(e, locale) : "";
    ui.error.hidden = !e;
    ui.status.textContent = this.#shown.notice ?? "";

    const snapshot = JSON.stringify([state.value, state.complete]);
    if (this.#last !== null && snapshot !== this.#last) {
      this.dispatchEvent(new CustomEvent("change", { bubbles: true, detail: { complete: state.complete, value: state.value } }));
    }
    this.#last = snapshot;
  }

  #errorText(e, locale) {
    if (typeof e?.kind !== "string") return t(locale, "unexpected");
    if (e.kind === "rate_limited" && e.retryAfterSeconds) return t(locale, "kind.rate_limited.seconds", { seconds: e.retryAfterSeconds });
    const text = t(locale, "kind." + e.kind, { status: e.status ?? "" });
    return text === "kind." + e.kind ? e.message : text;
  }

  #renderTitle(on) {
    const current = document.title;
    const base = this.#title && current.startsWith(this.#title) ? current.slice(this.#title.length) : current;
    this.#title = on ? t(this.#locale, "errorPrefix") + " " : null;
    const next = (this.#title ?? "") + base;
    if (next !== current) document.title = next;
  }

  #renderField(f, s, state) {
    const locale = state.locale;
    const input = f.input;
    const shown = f.path === "address.country" ? this.#countryName(s.value) : s.value;
    const typing = this.shadowRoot.activeElement === input && document.hasFocus();
    if (!typing && input.value !== shown) input.value = shown;
    else if (f.path !== "address.country" && input.value !== s.value) input.value = s.value;
    input.disabled = s.locked !== null;
    f.mark.textContent = s.required ? t(locale, "required") : "";
    if (s.required) input.setAttribute("aria-required", "true");
    else input.removeAttribute("aria-required");
    const helpKey = f.path === "name" && state.mode === "update" ? "name.edit" : f.path;
    let help = s.locked ?? helpText(locale, helpKey, s.counter?.max);
    if (f.path === "currency" && state.mode === "create") help += " " + t(locale, "help.currency.create");
    f.help.textContent = help;
    // Counters only near the limit (the limit itself is in the help text).
    const c = s.counter;
    f.counter.hidden = !c || !c.near || c.length === 0;
    if (c) {
      f.counter.textContent = counterText(locale, c.remaining);
      f.counter.classList.toggle("over", c.remaining < 0);
      f.counter.dataset.remaining = String(c.remaining);
    }
    const items = [];
    for (const e of s.errors) items.push(this.#message("error", e, locale));
    for (const w of s.warnings) items.push(this.#message("warning", w, locale));
    f.messages.replaceChildren(...items);
    if (s.errors.length) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    f.wrapper.classList.toggle("has-error", s.errors.length > 0);
    f.wrapper.classList.toggle("has-warning", s.errors.length === 0 && s.warnings.length > 0);
    // A new suggestion is read out once.
    const suggestion = s.warnings.find((w) => w.params?.suggestion !== undefined);
    const said = suggestion ? suggestion.message : "";
    if (said && said !== f.announced) this.#ui.live.textContent = `${f.text.textContent}: ${said}`;
    f.announced = said;
  }

  #message(kind, finding, locale) {
    const p = el("p", { class: "msg msg-" + kind, part: kind === "error" ? "error" : "warning" });
    p.append(
      el("span", { class: "icon", "aria-hidden": "true" }, kind === "error" ? "✖" : "⚠"),
      el("span", { class: "visually-hidden" }, t(locale, kind === "error" ? "errorPrefix" : "warningPrefix") + " "),
      el("span", {}, finding.message),
    );
    if (finding.params?.suggestion !== undefined) {
      const use = el("button", { type: "button", class: "link", "data-accept": finding.path }, t(locale, "useSuggestion", { suggestion: finding.params.suggestion }));
      use.addEventListener("click", () => {
        this.#form.accept(finding.path);
        this.#keepDraft();
        this.#fields.get(finding.path).input.focus();
      });
      p.append(use);
    }
    return p;
  }
}

if (typeof customElements !== "undefined" && !customElements.get("billing-account-form")) {
  customElements.define("billing-account-form", BillingAccountFormElement);
}

// What the page keeps between visits: settings and unsent drafts in localStorage, the token in
// sessionStorage (this tab's session only). A draft never holds the token.
// Storage may be unavailable (private modes, quotas): every access degrades to "nothing kept".

const SETTINGS = "billing-account-form.settings.v1";
const TOKEN = "billing-account-form.token.v1";
const VIEW = "billing-account-form.view.v1:";
const DRAFT = "billing-account-form.draft.v1:";

function read(storage, key) {
  try {
    const text = storage.getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the draft is simply not kept.
  }
}

/** `{baseUrl, workspaceId, timeoutSeconds, locale}`; any may be missing. */
export function loadSettings() {
  const saved = read(localStorage, SETTINGS);
  return saved && typeof saved === "object" ? saved : {};
}

export function saveSettings(settings) {
  const { baseUrl, workspaceId, timeoutSeconds, locale } = settings;
  write(localStorage, SETTINGS, { baseUrl, workspaceId, timeoutSeconds, locale });
}

/**
 * The token of this tab's session and where it came from: `"typed"` by the person, or
 * `"server"` (the stand-in's /config.json, refreshed on every load since it changes on restart).
 */
export function loadToken() {
  const saved = read(sessionStorage, TOKEN);
  return saved && typeof saved.token === "string" ? saved : null;
}

export function saveToken(token, source) {
  write(sessionStorage, TOKEN, token ? { token, source } : null);
}

/** The last task in a workspace: `{mode: "create"}` or `{mode: "edit", accountId}`. */
export function loadView(workspaceId) {
  const saved = read(localStorage, VIEW + workspaceId);
  return saved && (saved.mode === "create" || saved.mode === "edit") ? saved : { mode: "create" };
}

export function saveView(workspaceId, view) {
  write(localStorage, VIEW + workspaceId, view);
}

function draftKey(workspaceId, mode, accountId) {
  return DRAFT + workspaceId + ":" + (mode === "edit" ? "edit:" + accountId : "create");
}

/** The unsent values of a form, by dotted path (strings as typed), or `null`. */
export function loadDraft(workspaceId, mode, accountId) {
  const saved = read(localStorage, draftKey(workspaceId, mode, accountId));
  if (!saved || typeof saved.values !== "object" || saved.values === null) return null;
  const values = {};
  for (const [path, value] of Object.entries(saved.values)) {
    if (typeof value === "string") values[path] = value;
  }
  return values;
}

export function saveDraft(workspaceId, mode, accountId, values) {
  const empty = Object.keys(values).length === 0;
  write(localStorage, draftKey(workspaceId, mode, accountId), empty ? null : { values, savedAt: Date.now() });
}

export function clearDraft(workspaceId, mode, accountId) {
  write(localStorage, draftKey(workspaceId, mode, accountId), null);
}

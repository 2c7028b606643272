// What the page keeps between visits: its settings in localStorage, the token in sessionStorage
// (this tab's session only). Drafts are the element's (sessionStorage, per tab), never with the token.
// Storage may be unavailable (private modes, quotas): every access degrades to "nothing kept".

const SETTINGS = "billing-account-form.settings.v1";
const TOKEN = "billing-account-form.token.v1";
const VIEW = "billing-account-form.view.v2:";

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
    // Quota or privacy mode: nothing is kept.
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

/** The token of this tab's session and where it came from: `"typed"` or `"server"` (the stand-in's). */
export function loadToken() {
  const saved = read(sessionStorage, TOKEN);
  return saved && typeof saved.token === "string" ? saved : null;
}

export function saveToken(token, source) {
  write(sessionStorage, TOKEN, token ? { token, source } : null);
}

/** This tab's task in a workspace: `{mode: "create"}` or `{mode: "edit", accountId}`. */
export function loadView(workspaceId) {
  const saved = read(sessionStorage, VIEW + workspaceId);
  return saved && (saved.mode === "create" || saved.mode === "edit") ? saved : { mode: "create" };
}

export function saveView(workspaceId, view) {
  write(sessionStorage, VIEW + workspaceId, view);
}

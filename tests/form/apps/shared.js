// What each consumer app is told by the test (query string), and where it records the events.
const q = new URLSearchParams(location.search);
export const settings = { baseUrl: q.get("api"), token: q.get("token"), workspaceId: "ws_pooled", locale: q.get("locale") ?? "en" };
window.__events = [];
export const record = (type) => (event) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) });

// React 19: custom elements get properties (token) and custom events natively; the prop after
// "on" is the event name as written, so the lower-case events are onsaved, onfailed, onchange.
import { createRoot } from "react-dom/client";
import "billing-account-form/element";
import { settings, record } from "../shared.js";

function App() {
  return (
    <billing-account-form
      workspace-id={settings.workspaceId}
      base-url={settings.baseUrl}
      locale={settings.locale}
      token={settings.token}
      onsaved={record("saved")}
      onchange={record("change")}
      onfailed={record("failed")}
    />
  );
}
createRoot(document.getElementById("app")).render(<App />);

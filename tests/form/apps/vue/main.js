// Vue 3: a render function; Vue sets `token` as a property because the element has one.
import { createApp, h } from "vue";
import "billing-account-form/element";
import { settings, record } from "../shared.js";

createApp({
  render: () =>
    h("billing-account-form", {
      "workspace-id": settings.workspaceId,
      "base-url": settings.baseUrl,
      locale: settings.locale,
      token: settings.token,
      onSaved: record("saved"),
      onFailed: record("failed"),
      onChange: record("change"),
    }),
}).mount("#app");

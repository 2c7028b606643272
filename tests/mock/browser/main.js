// A page of a team's app under test: MSW's service worker answers the API with the package's
// handlers, and the package's own client calls it as it would call the real API.
import { setupWorker } from "msw/browser";
import { createHandlers } from "billing-account-form/mock";
import { ready } from "billing-account-form";
import { createBillingAccount, listBillingAccounts } from "billing-account-form/client";

const out = document.getElementById("out");
const handlers = createHandlers({ token: "browser-token" });
const worker = setupWorker(...handlers);

try {
  await worker.start({ onUnhandledRequest: "error", quiet: true, serviceWorker: { url: "./mockServiceWorker.js" } });
  await ready;
  const config = { token: "browser-token", locale: "en" };
  const account = await createBillingAccount(config, "ws_single", { name: "  Acme ", email: "billing@acme.com" });
  const second = await createBillingAccount(config, "ws_single", { name: "Two", email: "two@acme.com" }).catch((e) => e.kind);
  handlers.fault({ method: "GET", status: 503, retryAfter: "0" });
  const list = await listBillingAccounts(config, "ws_single");
  out.textContent = JSON.stringify({
    name: account.name,
    second,
    listed: list.data.map((a) => a.id === account.id),
    gets: handlers.count("GET /workspaces/ws_single/billing-accounts"),
  });
} catch (error) {
  out.textContent = `ERROR ${error?.stack ?? error}`;
}

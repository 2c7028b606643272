// A server component: validates and calls the API (the stand-in, STANDIN_URL and STANDIN_TOKEN)
// on each request, and renders the client component, which validates again in the browser.
import { validateCreate, countries } from "billing-account-form";
import { createBillingAccount, listBillingAccounts, isApiError } from "billing-account-form/client";
import ClientCheck from "./client-check";

export const dynamic = "force-dynamic";

async function serverCheck() {
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  const accepted = validateCreate({ name: "  Acme  ", email: "billing@acme.com" });
  const errors = refused.errors?.map((e) => `${e.path}:${e.code}`).join(",");
  const germany = countries("en").find((c) => c.code === "DE")?.name;

  const config = { token: process.env.STANDIN_TOKEN, baseUrl: process.env.STANDIN_URL };
  const list = await listBillingAccounts(config, "ws_pooled");
  const invalid = await createBillingAccount(config, "ws_pooled", { name: "", email: "x" }).catch((e) => e);
  const api = `api:${Array.isArray(list.data) ? "list" : "?"},${isApiError(invalid) ? invalid.kind : invalid}`;
  return ["RESULT", errors, accepted.value?.name, germany, api].join("|");
}

export default async function Page() {
  let server;
  try {
    server = await serverCheck();
  } catch (error) {
    server = `ERROR|${error?.stack ?? error}`;
  }
  return (
    <main>
      <pre id="server">{server}</pre>
      <ClientCheck />
    </main>
  );
}

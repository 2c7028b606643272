// Bundled by esbuild --platform=node (CommonJS output, so no top-level await here), then run with
// node: ready at import, then the API client against the stand-in (STANDIN_URL, STANDIN_TOKEN).
import { validateCreate, countries } from "billing-account-form";
import { createBillingAccount, listBillingAccounts, isApiError } from "billing-account-form/client";

async function main() {
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  const accepted = validateCreate({ name: "  Acme  ", email: "billing@acme.com" });
  const errors = refused.errors?.map((e) => `${e.path}:${e.code}`).join(",");
  const germany = countries("en").find((c) => c.code === "DE")?.name;

  const config = { token: process.env.STANDIN_TOKEN, baseUrl: process.env.STANDIN_URL };
  const list = await listBillingAccounts(config, "ws_pooled");
  const invalid = await createBillingAccount(config, "ws_pooled", { name: "", email: "x" }).catch((e) => e);
  const api = `api:${Array.isArray(list.data) ? "list" : "?"},${isApiError(invalid) ? invalid.kind : invalid}`;
  console.log(["RESULT", errors, accepted.value?.name, germany, api].join("|"));
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});

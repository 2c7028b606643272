// A Worker whose fetch handler validates and calls the API (the stand-in's address and token are
// vars: wrangler dev --var STANDIN_URL:... --var STANDIN_TOKEN:...). Answers one RESULT line.
import { validateCreate, countries } from "billing-account-form";
import { createBillingAccount, listBillingAccounts, isApiError } from "billing-account-form/client";

export default {
  async fetch(request, env) {
    try {
      const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
      const accepted = validateCreate({ name: "  Acme  ", email: "billing@acme.com" });
      const errors = refused.errors?.map((e) => `${e.path}:${e.code}`).join(",");
      const germany = countries("en").find((c) => c.code === "DE")?.name;

      const config = { token: env.STANDIN_TOKEN, baseUrl: env.STANDIN_URL };
      const list = await listBillingAccounts(config, "ws_pooled");
      const invalid = await createBillingAccount(config, "ws_pooled", { name: "", email: "x" }).catch((e) => e);
      const api = `api:${Array.isArray(list.data) ? "list" : "?"},${isApiError(invalid) ? invalid.kind : invalid}`;
      return new Response(["RESULT", errors, accepted.value?.name, germany, api].join("|"));
    } catch (error) {
      return new Response(`ERROR|${error?.stack ?? error}`, { status: 500 });
    }
  },
};

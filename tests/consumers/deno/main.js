// Deno, resolving the package from node_modules, run with --allow-net only: the stand-in's
// address and token are arguments (reading the environment would need --allow-env).
// Usage: deno run --allow-net main.js BASE_URL TOKEN
import { ready, validateCreate, countries } from "billing-account-form";
import { createBillingAccount, listBillingAccounts, isApiError } from "billing-account-form/client";

await ready;
const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
const accepted = validateCreate({ name: "  Acme  ", email: "billing@acme.com" });
const errors = refused.errors?.map((e) => `${e.path}:${e.code}`).join(",");
const germany = countries("en").find((c) => c.code === "DE")?.name;

const [baseUrl, token] = Deno.args;
const config = { token, baseUrl };
const list = await listBillingAccounts(config, "ws_pooled");
const invalid = await createBillingAccount(config, "ws_pooled", { name: "", email: "x" }).catch((e) => e);
const api = `api:${Array.isArray(list.data) ? "list" : "?"},${isApiError(invalid) ? invalid.kind : invalid}`;
console.log(["RESULT", errors, accepted.value?.name, germany, api].join("|"));

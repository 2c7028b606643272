// Vitest (node environment): validation, and the API client against the stand-in
// (STANDIN_URL, STANDIN_TOKEN).
import { expect, test } from "vitest";
import { ready, validateCreate, countries } from "billing-account-form";
import { createBillingAccount, listBillingAccounts, isApiError } from "billing-account-form/client";

test("validates as the server does", async () => {
  await ready;
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  expect(refused.errors.map((e) => `${e.path}:${e.code}`)).toEqual(["address.country:country"]);
  expect(validateCreate({ name: "  Acme  ", email: "billing@acme.com" }).value.name).toBe("Acme");
  expect(countries("en").find((c) => c.code === "DE").name).toBe("Germany");
});

test("calls the API", async () => {
  const config = { token: process.env.STANDIN_TOKEN, baseUrl: process.env.STANDIN_URL };
  const list = await listBillingAccounts(config, "ws_pooled");
  expect(Array.isArray(list.data)).toBe(true);
  const invalid = await createBillingAccount(config, "ws_pooled", { name: "", email: "x" }).catch((e) => e);
  expect(isApiError(invalid) && invalid.kind).toBe("invalid_input");
});

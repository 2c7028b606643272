// ESM test file in Jest's default (node) environment.
import { expect, test } from "@jest/globals";
import { ready, validateCreate, countries } from "billing-account-form";
import { createBillingAccount, isApiError } from "billing-account-form/client";

test("validates as the server does", async () => {
  await ready;
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  expect(refused.errors.map((e) => `${e.path}:${e.code}`)).toEqual(["address.country:country"]);
  expect(validateCreate({ name: "  Acme  ", email: "billing@acme.com" }).value.name).toBe("Acme");
  expect(countries("en").find((c) => c.code === "DE").name).toBe("Germany");
  // The client's wasm starts here too.
  // A body refused locally is refused by the running client module (a module that could not load
  // rejects with kind network).
  const call = await createBillingAccount({ token: "t" }, "ws_1", { name: "", email: "x" }).catch((e) => e);
  expect(isApiError(call) && call.kind).toBe("invalid_input");
});

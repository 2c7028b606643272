/**
 * @jest-environment jsdom
 */
// CommonJS test file in Jest's jsdom environment (export condition "browser").
const { ready, validateCreate, countries } = require("billing-account-form");
const { createBillingAccount, isApiError } = require("billing-account-form/client");

test("validates as the server does", async () => {
  await ready;
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  expect(refused.errors.map((e) => `${e.path}:${e.code}`)).toEqual(["address.country:country"]);
  expect(validateCreate({ name: "  Acme  ", email: "billing@acme.com" }).value.name).toBe("Acme");
  expect(countries("en").find((c) => c.code === "DE").name).toBe("Germany");
  // The client's wasm starts here too, inflated by fflate: jsdom has no DecompressionStream.
  expect(typeof DecompressionStream).toBe("undefined");
  // A body refused locally is refused by the running client module (a module that could not load
  // rejects with kind network).
  const call = await createBillingAccount({ token: "t" }, "ws_1", { name: "", email: "x" }).catch((e) => e);
  expect(isApiError(call) && call.kind).toBe("invalid_input");
});

/**
 * @jest-environment jsdom
 */
// CommonJS test file in Jest's jsdom environment (export condition "browser").
const { ready, validateCreate, countries } = require("billing-account-form");

test("validates as the server does", async () => {
  await ready;
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  expect(refused.errors.map((e) => `${e.path}:${e.code}`)).toEqual(["address.country:country"]);
  expect(validateCreate({ name: "  Acme  ", email: "billing@acme.com" }).value.name).toBe("Acme");
  expect(countries("en").find((c) => c.code === "DE").name).toBe("Germany");
});

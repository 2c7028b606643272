// The package's JSON Schemas (`~standard.jsonSchema`, openapi.json) against the core, on the body
// differential corpus (tests/body_differential.rs, dumped by scripts/test-mock):
// - every body the core accepts, the input schema accepts (all three targets);
// - where the input schema accepts a body the core refuses, the reason must be a known one (the
//   exact email rule); any other fails;
// - every normalized value the core returns, the output schema accepts;
// - openapi.json is a valid OpenAPI 3.1 document (swagger-parser).
//   CORPUS=target/mock/corpus.jsonl node --test schema.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import SwaggerParser from "@apidevtools/swagger-parser";
import { createSchema, updateSchema, validateCreate, validateUpdate } from "billing-account-form";

const require = createRequire(import.meta.url);
const corpus = readFileSync(process.env.CORPUS ?? "../../target/mock/corpus.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line))
  .map(({ request, body }) => ({ request, body: JSON.parse(body) }));

const schemas = { create: createSchema["~standard"].jsonSchema, update: updateSchema["~standard"].jsonSchema };
const core = { create: validateCreate, update: validateUpdate };
// `format` is an annotation in 2020-12 (and optional to assert in draft-07): not asserted here.
const compilers = {
  "draft-2020-12": () => new Ajv2020({ strict: false, validateFormats: false, allErrors: false }),
  "draft-07": () => new Ajv({ strict: false, validateFormats: false }),
  "openapi-3.0": () => new Ajv({ strict: false, validateFormats: false }), // Ajv reads `nullable`
};

function compile(target, io, request, ajv = compilers[target]()) {
  return ajv.compile(schemas[request][io]({ target }));
}

test("the corpus is the differential corpus", () => {
  assert.ok(corpus.length >= 2000, `${corpus.length} bodies`);
});

for (const target of Object.keys(compilers)) {
  test(`${target}: every body the core accepts, the input schema accepts; refusals it misses are known`, () => {
    const check = { create: compile(target, "input", "create"), update: compile(target, "input", "update") };
    const out = { create: compile(target, "output", "create"), update: compile(target, "output", "update") };
    let accepted = 0;
    let refused = 0;
    let refusedByBoth = 0;
    const known = { email: 0 };
    const unknown = [];
    const missed = [];
    for (const { request, body } of corpus) {
      const verdict = core[request](body);
      const schemaOk = check[request](body);
      if (verdict.ok) {
        accepted++;
        if (!schemaOk) missed.push({ request, body, errors: check[request].errors });
        if (!out[request](verdict.value)) missed.push({ request, output: verdict.value, errors: out[request].errors });
        continue;
      }
      refused++;
      if (!schemaOk) {
        refusedByBoth++;
        continue;
      }
      // The schema holds every rule but the server's email parser: only an `email` finding may be missed.
      const codes = [...new Set(verdict.errors.map((e) => e.code))];
      if (codes.length === 1 && codes[0] === "email") known.email++;
      else unknown.push({ request, body, errors: verdict.errors.map((e) => `${e.path}:${e.code}`) });
    }
    console.log(
      `json schema ${target}: ${corpus.length} bodies; core accepts ${accepted}, input schema accepts all of them` +
        `${missed.length ? ` but ${missed.length}` : ""}; core refuses ${refused}, schema refuses ${refusedByBoth}, accepts ${refused - refusedByBoth} (email rule: ${known.email}, other: ${unknown.length})`,
    );
    assert.deepEqual(missed.slice(0, 5), [], "bodies (or values) the core accepts and the schema refuses");
    assert.deepEqual(unknown.slice(0, 5), [], "bodies the schema accepts and the core refuses, for no known reason");
  });
}

test("with ajv-formats asserting format: email, how many valid emails the schema would refuse", () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const check = { create: compile("draft-2020-12", "input", "create", ajv) };
  const ajv2 = new Ajv2020({ strict: false });
  addFormats(ajv2);
  check.update = compile("draft-2020-12", "input", "update", ajv2);
  let accepted = 0;
  let refusedEmail = 0;
  for (const { request, body } of corpus) {
    if (!core[request](body).ok) continue;
    accepted++;
    if (!check[request](body)) refusedEmail++;
  }
  console.log(`json schema with ajv-formats' email asserted: refuses ${refusedEmail} of ${accepted} bodies the core accepts (quoted, commented, IP-literal, UTF-8 and padded addresses)`);
  assert.ok(refusedEmail < accepted);
});

test("hand-picked bodies at the edges", () => {
  const input = compile("draft-2020-12", "input", "create");
  const cases = [
    [{ name: " \u00a0Acme\u200b", email: "\tbilling@acme.com " }, true], // trimmed as the server trims
    [{ name: "😀".repeat(100), email: "a@b" }, true], // code points, not UTF-16 units
    [{ name: "😀".repeat(101), email: "a@b" }, false],
    [{ name: `  ${"x".repeat(100)}  `, email: "a@b" }, true],
    [{ name: "\u200b", email: "a@b" }, false], // trims to nothing: required
    [{ name: "Acme", email: "a@b", currency: " eur " }, true],
    [{ name: "Acme", email: "a@b", currency: "EUR" }, false],
    [{ name: "Acme", email: "a@b", currency: "" }, true], // becomes null
    [{ name: "Acme", email: "a@b", address: { country: "za" } }, false],
    [{ name: "Acme", email: "a@b", address: "  " }, true],
    [{ name: "Acme", email: "a@b", address: { postalCode: "1" } }, false],
    [{ name: "Acme", email: "a@b", phone: 5 }, false],
  ];
  for (const [body, ok] of cases) {
    assert.equal(validateCreate(body).ok, ok, `core: ${JSON.stringify(body)}`);
    assert.equal(input(body), ok, `schema: ${JSON.stringify(body)}`);
  }
});

test("targets: the spec's three, others refused", () => {
  const s = createSchema["~standard"].jsonSchema;
  assert.equal(s.input({ target: "draft-2020-12" }).$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(s.output({ target: "draft-07" }).$schema, "http://json-schema.org/draft-07/schema#");
  const openapi = updateSchema["~standard"].jsonSchema.output({ target: "openapi-3.0" });
  assert.equal(openapi.$schema, undefined);
  assert.deepEqual(openapi.properties.phone, { type: "string", minLength: 1, maxLength: 50, nullable: true });
  assert.throws(() => s.input({ target: "draft-04" }), TypeError);
  assert.throws(() => s.input(), TypeError);
});

test("openapi-3.0 schemas inside an OpenAPI 3.0 document validate", async () => {
  const schema = (request, io) => schemas[request][io]({ target: "openapi-3.0" });
  const doc = {
    openapi: "3.0.3",
    info: { title: "check", version: "1" },
    paths: {},
    components: {
      schemas: {
        CreateIn: schema("create", "input"),
        CreateOut: schema("create", "output"),
        UpdateIn: schema("update", "input"),
        UpdateOut: schema("update", "output"),
      },
    },
  };
  await SwaggerParser.validate(doc);
});

test("openapi.json is a valid OpenAPI 3.1 document of the four calls", async () => {
  const doc = JSON.parse(readFileSync(require.resolve("billing-account-form/openapi.json"), "utf8"));
  assert.equal(doc.openapi, "3.1.0");
  const api = await SwaggerParser.validate(structuredClone(doc));
  const operations = Object.values(api.paths).flatMap((p) => Object.keys(p).filter((k) => k !== "parameters"));
  assert.deepEqual(operations.sort(), ["get", "get", "patch", "post"]);
  // Its request schemas are the package's own.
  assert.deepEqual(doc.components.schemas.CreateBillingAccountRequest.properties, schemas.create.input({ target: "draft-2020-12" }).properties);
  // And an account the core's stand-in returns fits its BillingAccount schema.
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const account = ajv.compile({ ...doc.components.schemas.BillingAccount });
  const sample = {
    id: "cus_ABCdef0123456789",
    workspace_id: "ws_pooled",
    name: "Acme",
    email: "billing@acme.com",
    phone: null,
    description: null,
    currency: "usd",
    address: { country: "ZA", line1: null, line2: null, city: null, state: null, postal_code: null },
    created_at: "2025-10-29T00:40:06.000000Z",
    updated_at: "2025-10-29T00:40:06.000000Z",
  };
  assert.ok(account(sample), JSON.stringify(account.errors));
});

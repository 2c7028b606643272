// The packed package as a Node consumer sees it: `import` (and `require`), no manual wasm loading.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  validateCreate,
  validateUpdate,
  validateField,
  createSchema,
  updateSchema,
  currencies,
  countries,
  limits,
  charCount,
  ready,
} from "billing-account-form";
import {
  createBillingAccount,
  updateBillingAccount,
  getBillingAccount,
  listBillingAccounts,
  isApiError,
  ApiError,
  findCreatedAccount,
} from "billing-account-form/client";
import { createRequire } from "node:module";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { FormApi, FieldApi } from "@tanstack/form-core";

test("in Node the module has started when the import completes", async () => {
  // Called before anything is awaited: no `await ready` is owed in Node.
  assert.equal(validateCreate({}).ok, false);
  assert.equal(await ready, undefined);
});

test("where wasm cannot be compiled synchronously: calls before `ready` throw naming it, Standard Schema waits", async () => {
  // Browsers may refuse to compile a large module synchronously on the main thread (Chromium
  // did above 4 KB); the entry then starts it in the background. A fresh process, with
  // synchronous compiling refused as such a browser refuses it.
  const script = `
    WebAssembly.Module = function () { throw new RangeError("WebAssembly.Module is disallowed on the main thread"); };
    const m = await import("billing-account-form");
    let early = null;
    try { m.validateCreate({}); } catch (e) { early = e.message; }
    const pending = m.createSchema["~standard"].validate({ name: "A" });
    const isPromise = pending instanceof Promise;
    await m.ready;
    const later = m.validateCreate({ name: "A", email: "a@b.co" }).ok;
    const issues = (await pending).issues.map((i) => i.path.join("."));
    console.log(JSON.stringify({ early, isPromise, later, issues }));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: import.meta.dirname });
  const seen = JSON.parse(stdout);
  assert.match(seen.early, /validateCreate\(\) was called before the WebAssembly module started: `await ready` first/);
  assert.equal(seen.isPromise, true);
  assert.equal(seen.later, true);
  assert.deepEqual(seen.issues, ["email"]);
});

test("without TextEncoder and TextDecoder (Jest's jsdom): the package's own UTF-8 gives the same answers", async () => {
  const script = `
    globalThis.TextEncoder = undefined;
    globalThis.TextDecoder = undefined;
    const m = await import("billing-account-form");
    const utf8 = (text) => new Uint8Array(Buffer.from(text, "utf8"));
    const good = m.validateMany(utf8('[{"name":"Caf\u00e9","email":"a@b.co"},{"name":"\u00e9"}]'));
    // An overlong NUL inside a string: malformed UTF-8, refused rather than read as U+FFFD.
    const malformed = m.validateMany(Uint8Array.from([0x5b, 0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d, 0x5d]));
    const created = m.validateCreate({ name: " Caf\u00e9 \u{1F600} ", email: "a@b.co" });
    console.log(JSON.stringify({ good: good.map((r) => r.ok), malformed: malformed.map((r) => [r.index, r.errors[0]?.code]), name: created.value?.name }));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: import.meta.dirname });
  assert.deepEqual(JSON.parse(stdout), {
    good: [true, false],
    malformed: [[-1, "type"]],
    name: "Caf\u00e9 \u{1F600}",
  });
});

test("require() gives the same surface (Node >= 20.19), with its own client entry", async () => {
  const require = createRequire(import.meta.url);
  const cjs = require("billing-account-form");
  assert.equal(typeof cjs.validateCreate, "function");
  assert.deepEqual(cjs.validateCreate({ name: " Acme ", email: "a@b.co" }).value, { name: "Acme", email: "a@b.co" });
  const client = require("billing-account-form/client");
  const error = await client.listBillingAccounts({ token: "t" }, "not-a-workspace").catch((e) => e);
  assert.ok(client.isApiError(error) && error instanceof Error);
  assert.equal(error.kind, "invalid_input");
  assert.deepEqual(error.errors.map((e) => [e.path, e.code]), [["workspaceId", "format"]]);
});

test("ApiError is exported as the class the client rejects with", async () => {
  const error = await listBillingAccounts({ token: "t" }, "ws_a", undefined).catch((e) => e);
  assert.ok(error instanceof ApiError && error instanceof Error);
  assert.equal(error.name, "ApiError");
});

test("validateCreate returns the normalized request", () => {
  const r = validateCreate({ name: " Acme ", email: "billing@acme.com", phone: "" });
  assert.deepEqual(r, {
    ok: true,
    value: { name: "Acme", email: "billing@acme.com" },
    warnings: [],
  });
});

test("errors carry path, code, message and params in the chosen locale", () => {
  const r = validateCreate(
    { name: "Acme", email: "a@b.co", address: { country: "us" } },
    { locale: "id" },
  );
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors, [
    {
      path: "address.country",
      code: "country",
      severity: "error",
      message: "Gunakan \u201cUS\u201d: kode negara ditulis dengan huruf besar.",
      params: { suggestion: "US" },
    },
  ]);
});

test("validateUpdate keeps null apart from absent and refuses currency", () => {
  assert.deepEqual(validateUpdate({ phone: null }).value, { phone: null });
  const r = validateUpdate({ currency: "usd" });
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].code, "immutable");
});

test("validateField, reference data and charCount through the glue", () => {
  const [warning] = validateField("create", "email", "bob@gmial.com");
  assert.equal(warning.code, "email_suggestion");
  assert.equal(warning.severity, "warning");
  assert.equal(validateField("create", "email", "bob@@gmail.com")[0].severity, "error");
  assert.deepEqual(currencies(), ["usd", "zar", "eur", "gbp", "aud"]);
  assert.equal(countries("en").find((c) => c.code === "DE").name, "Germany");
  assert.equal(limits().name, 100);
  assert.equal(charCount("\u{1F600}"), 1);
});

test("wrong argument types throw TypeError; data never throws; the module survives", () => {
  assert.throws(() => validateCreate({}, { locale: "fr" }), TypeError);
  assert.throws(() => validateField("remove", "name", "x"), TypeError);
  assert.throws(() => validateField("create", Symbol("p"), "x"), TypeError);
  assert.throws(() => charCount(42), TypeError);
  for (const junk of [undefined, null, 1, 2n, Symbol(), () => 0, [], "x", new Proxy({}, { ownKeys() { throw new Error(); } })]) {
    const r = validateCreate(junk);
    assert.equal(r.ok, false);
  }
  assert.equal(validateCreate({ name: "Acme", email: "a@b.co" }).ok, true);
});

test("Standard Schema v1 objects", () => {
  for (const schema of [createSchema, updateSchema]) {
    const props = schema["~standard"];
    assert.equal(props.version, 1);
    assert.equal(props.vendor, "billing-account-form");
    assert.equal(typeof props.validate, "function");
  }
  const bad = createSchema["~standard"].validate({ name: "Acme", email: "a@b.co", address: { country: "XX" } });
  assert.deepEqual(bad.issues.map((i) => i.path), [["address", "country"]]);
  const good = createSchema["~standard"].validate({ name: "Acme", email: "a@b.co" });
  assert.deepEqual(good, { value: { name: "Acme", email: "a@b.co" } });
  const ar = createSchema["~standard"].validate({}, { libraryOptions: { locale: "ar" } });
  assert.match(ar.issues[0].message, /[\u0600-\u06ff]/);
  // Moved here with the conversion from the wasm suite: exact issues, update values, no root path.
  assert.deepEqual(bad, {
    issues: [
      {
        message: "Choose a two-letter ISO 3166-1 country code, such as US.",
        code: "country",
        path: ["address", "country"],
      },
    ],
  });
  assert.deepEqual(updateSchema["~standard"].validate({ phone: null }), { value: { phone: null } });
  assert.equal("path" in createSchema["~standard"].validate(42).issues[0], false);
  assert.deepEqual(createSchema["~standard"].validate({ x: 1, name: "A", email: "a@b.co" }).issues[0].path, ["x"]);
  assert.equal(createSchema["~standard"].validate({}, { libraryOptions: { locale: "id" } }).issues[0].message, "Wajib diisi.");
  assert.throws(() => createSchema["~standard"].validate({}, { libraryOptions: { locale: "de" } }), TypeError);
});

test("a bundle carries the schemas only when it imports them (tree-shaken from validateCreate and the client)", async () => {
  const { build } = await import("esbuild");
  const bundle = async (code) => {
    const out = await build({
      stdin: { contents: code, resolveDir: import.meta.dirname, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "error",
    });
    return out.outputFiles.map((f) => f.text).join("");
  };
  // The JSON Schema builder's dialect URL stands for the schema code.
  const SCHEMA_CODE = "json-schema.org/draft/2020-12";
  assert.ok((await bundle(`import { createSchema } from "billing-account-form"; console.log(createSchema);`)).includes(SCHEMA_CODE));
  assert.ok(!(await bundle(`import { validateCreate } from "billing-account-form"; console.log(validateCreate({}));`)).includes(SCHEMA_CODE));
  const client = `import { createBillingAccount } from "billing-account-form/client"; console.log(createBillingAccount);`;
  assert.ok(!(await bundle(client)).includes(SCHEMA_CODE));
});

test("react-hook-form: standardSchemaResolver puts the error on address.country", async () => {
  const resolver = standardSchemaResolver(createSchema);
  const bad = await resolver(
    { name: "Acme", email: "a@b.co", address: { country: "us" } },
    undefined,
    { fields: {}, shouldUseNativeValidation: false },
  );
  assert.deepEqual(bad.values, {});
  assert.equal(bad.errors.address.country.message, "Use \u201cUS\u201d: country codes are upper case.");
  assert.equal(bad.errors.name, undefined);
  const good = await resolver(
    { name: " Acme ", email: "a@b.co", address: { country: "US" } },
    undefined,
    { fields: {}, shouldUseNativeValidation: false },
  );
  assert.deepEqual(good.errors, {});
  assert.deepEqual(good.values, { name: "Acme", email: "a@b.co", address: { country: "US" } });
});

test("TanStack Form: createSchema as a form validator puts the error on address.country", async () => {
  const form = new FormApi({
    defaultValues: { name: "Acme", email: "a@b.co", address: { country: "us" } },
    validators: { onSubmit: createSchema },
  });
  form.mount();
  // As a UI would: one field per input.
  for (const name of ["name", "email", "address.country"]) {
    new FieldApi({ form, name }).mount();
  }
  await form.handleSubmit();
  assert.equal(form.state.canSubmit, false);
  const meta = form.getFieldMeta("address.country");
  assert.deepEqual(
    meta?.errors.map((e) => e.message),
    ["Use \u201cUS\u201d: country codes are upper case."],
  );
  assert.equal(form.getFieldMeta("name")?.errors.length ?? 0, 0);

  form.setFieldValue("address.country", "US");
  await form.handleSubmit();
  assert.equal(form.state.isSubmitSuccessful, true);
});

// ---- The API client against the stand-in that scripts/test-npm started ----

const API_BASE_URL = process.env.API_BASE_URL;
const API_TOKEN = process.env.API_TOKEN;
const config = { token: API_TOKEN, baseUrl: API_BASE_URL };

async function stats() {
  const r = await fetch(`${API_BASE_URL}/__stats`, { headers: { Authorization: `Bearer ${API_TOKEN}` } });
  return (await r.json()).paths;
}

async function fault(description) {
  const r = await fetch(`${API_BASE_URL}/__faults`, {
    method: "POST",
    headers: { Authorization: `Bearer ${API_TOKEN}` },
    body: JSON.stringify(description),
  });
  assert.equal(r.status, 201, await r.text());
}

test("API client: create, get, list, update, and a later get sees absent kept and null cleared", async () => {
  assert.ok(API_BASE_URL && API_TOKEN, "API_BASE_URL and API_TOKEN are set by scripts/test-npm");
  const created = await createBillingAccount(config, "ws_assigned", {
    name: "  Node Co ",
    email: "billing@node.example",
    phone: "+1 555 0100",
    description: "Warehouse",
  });
  assert.match(created.id, /^cus_[A-Za-z0-9]+$/);
  assert.equal(created.name, "Node Co");
  assert.equal(created.currency, "usd");
  assert.equal(created.address, null);
  assert.deepEqual(await getBillingAccount(config, "ws_assigned", created.id), created);
  const list = await listBillingAccounts(config, "ws_assigned");
  assert.equal(list.has_more, false);
  assert.deepEqual(list.data.find((a) => a.id === created.id), created);

  const updated = await updateBillingAccount(config, "ws_assigned", created.id, { phone: null, name: "Node Co 2" });
  const later = await getBillingAccount(config, "ws_assigned", created.id);
  assert.deepEqual(later, updated);
  assert.equal(later.phone, null);
  assert.equal(later.description, "Warehouse");
  assert.equal(later.email, "billing@node.example");
  assert.equal(later.name, "Node Co 2");
});

test("API client: every failure rejects with an ApiError, a real Error; nothing invalid is sent", async () => {
  const before = await stats();
  const input = { name: " ", email: "billing@@node.example" };
  const pending = createBillingAccount({ ...config, locale: "id" }, "ws_assigned", input);
  assert.ok(pending instanceof Promise);
  await assert.rejects(pending, (e) => {
    assert.ok(e instanceof Error);
    assert.ok(isApiError(e));
    assert.equal(e.name, "ApiError");
    assert.equal(e.kind, "invalid_input");
    assert.deepEqual(e.errors, validateCreate(input, { locale: "id" }).errors);
    assert.deepEqual(Object.keys(e), ["kind", "message", "errors"]);
    return true;
  });
  // Junk arguments reject too; they never throw.
  await assert.rejects(listBillingAccounts(undefined, 42), { name: "ApiError", kind: "invalid_input" });
  await assert.rejects(getBillingAccount({ ...config, token: "a\nb" }, "ws_assigned", "cus_1"), (e) =>
    e.kind === "invalid_input" && e.errors[0].path === "token" && e.errors[0].code === "format");
  assert.deepEqual(await stats(), before, "nothing was sent");

  await assert.rejects(listBillingAccounts({ ...config, token: "wrong" }, "ws_assigned"), {
    kind: "unauthorized",
    status: 401,
    message: "The API token was refused. Sign in again or check the token.",
  });
  await assert.rejects(getBillingAccount(config, "ws_assigned", "cus_nothere"), { kind: "not_found", status: 404 });
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(listBillingAccounts({ ...config, signal: aborted.signal }, "ws_assigned"), {
    kind: "timeout",
    message: "The request was cancelled.",
  });
  assert.equal(isApiError(new Error("x")), false);
});

test("API client: a 503 is retried for an update and never for a create (counted by the stand-in)", async () => {
  const account = await createBillingAccount(config, "ws_assigned", { name: "Retry Co", email: "billing@node.example" });
  const path = `/workspaces/ws_assigned/billing-accounts/${account.id}`;
  await fault({ method: "PATCH", path, fault: "status", status: 503, retry_after: "0", times: 1 });
  const updated = await updateBillingAccount(config, "ws_assigned", account.id, { description: "after a 503" });
  assert.equal(updated.description, "after a 503");
  assert.equal((await stats())[`PATCH ${path}`], 2);

  await fault({ method: "POST", body_contains: "Never Twice", fault: "status", status: 503, times: 5 });
  const key = "POST /workspaces/ws_assigned/billing-accounts";
  const before = (await stats())[key];
  await assert.rejects(
    createBillingAccount(config, "ws_assigned", { name: "Never Twice", email: "billing@node.example" }),
    { kind: "server", status: 503 },
  );
  assert.equal((await stats())[key] - before, 1);
});

test("API client: a create lost to a timeout says its outcome is unknown; findCreatedAccount finds what it made", async () => {
  const name = `Lost Create ${Date.now()}`;
  const input = { name: `  ${name} `, email: "billing@node.example", address: { city: "Cape Town" } };
  // The stand-in answers after the client gave up: the account exists all the same.
  await fault({ method: "POST", body_contains: name, fault: "delay", delay_ms: 1500, times: 1 });
  const error = await createBillingAccount({ ...config, timeoutMs: 300 }, "ws_pooled", input).catch((e) => e);
  assert.ok(isApiError(error));
  assert.equal(error.kind, "timeout");
  assert.equal(error.outcomeUnknown, true);
  assert.match(error.idempotencyKey, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await new Promise((done) => setTimeout(done, 1800));
  const made = await findCreatedAccount(config, "ws_pooled", input);
  assert.ok(made, "the lost create's account is found");
  assert.equal(made.name, name);
  assert.equal(made.address.city, "Cape Town");
  // Something never sent is not found.
  assert.equal(await findCreatedAccount(config, "ws_pooled", { ...input, name: "Never Sent" }), null);
  // A key the caller gives is sent as given; a malformed one is refused before sending.
  await assert.rejects(createBillingAccount(config, "ws_pooled", input, { idempotencyKey: "two words" }), {
    kind: "invalid_input",
    errors: [{ path: "idempotencyKey", code: "format", severity: "error", message: "This value is not in the expected format." }],
  });
});

// The validation surface (DESIGN §3), shared by every entry: each call is the wasm export,
// guarded so that a call before the module started throws an Error naming `ready`.
import { glue, guard, started, whenReady } from "./start.js";
import { jsonSchemaOf } from "./json-schema.js";
import { CODES, LOCALES } from "./rules-data.js";

const guarded = (name, f) =>
  function (...args) {
    guard(name);
    return f(...args);
  };

// The module's validateCreate, validateUpdate and validateField return the TypeError for a
// wrong argument (see src/wasm/validation.rs): thrown here. No result is a TypeError.
const thrown = (result) => {
  if (result instanceof TypeError) throw result;
  return result;
};

/** Validates a create body. */
export const validateCreate = /* @__PURE__ */ guarded("validateCreate", (input, options) => thrown(glue.validateCreate(input, options)));
/** Validates an update body: absent leaves a field as it is, `null` clears it. */
export const validateUpdate = /* @__PURE__ */ guarded("validateUpdate", (input, options) => thrown(glue.validateUpdate(input, options)));
/** Errors and warnings for one field's value as typed, for live feedback. */
export const validateField = /* @__PURE__ */ guarded("validateField", (request, path, value, options) =>
  thrown(glue.validateField(request, path, value, options)),
);
/** Every create body in a JSON array's text (a string, or UTF-8 bytes), checked in one call. */
export const validateMany = /* @__PURE__ */ guarded("validateMany", (jsonText, options) => glue.validateMany(jsonText, options));
/** The currencies the API accepts. */
export const currencies = /* @__PURE__ */ guarded("currencies", () => glue.currencies());
/** Every assigned country with its name in `locale`. */
export const countries = /* @__PURE__ */ guarded("countries", (locale) => glue.countries(locale));
/** Every length limit by dotted path, in code points. */
export const limits = /* @__PURE__ */ guarded("limits", () => glue.limits());
/** The length of `s` as the server counts it. */
export const charCount = /* @__PURE__ */ guarded("charCount", (s) => glue.charCount(s));

/**
 * Internal, the client entry's (not part of the documented surface): the message of a field error
 * `{ code, params }` in `locale`, as the module renders its own; the client's wasm has no message
 * table. The module picks the template from the params there are; they are filled in here.
 */
export const fieldMessage = /* @__PURE__ */ guarded("fieldMessage", (e, locale) => {
  const p = e.params ?? {};
  const flags = ("length" in p) | (("suggestion" in p) << 1) | (("more" in p) << 2) | ((p.expected === "object") << 3) | ((typeof p.max === "number") << 4);
  const template = glue.fieldMessage(LOCALES.split(" ").indexOf(locale), CODES.split(" ").indexOf(e.code), flags, p.max ?? 0);
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in p ? String(p[k]) : m));
});

const VENDOR = "billing-account-form";

/** A field error as a Standard Schema issue: the dotted path as keys, the code and params kept. */
function issue(e) {
  const out = { message: e.message, code: e.code };
  if (e.params !== undefined) out.params = e.params;
  if (e.path !== "") out.path = e.path.split(".");
  return out;
}

// The codes JSON Schema's enumerations list: the wasm's own (guarded: they need `ready`).
const lists = {
  currencies: () => currencies(),
  countries: () => countries("en").map((c) => c.code),
};

function schema(validate, update) {
  const run = (value, options) => {
    const r = validate(value, options?.libraryOptions);
    return r.ok ? { value: r.value } : { issues: r.errors.map(issue) };
  };
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: VENDOR,
      // Synchronous once the module has started; before, a Promise (the spec allows either),
      // so form libraries need no code of their own for the first render. A locale in the
      // spec's `libraryOptions` picks the messages.
      validate: (value, options) => (started() ? run(value, options) : whenReady().then(() => run(value, options))),
      // Standard JSON Schema v1: `input` / `output` ({ target }) from the rule table.
      jsonSchema: jsonSchemaOf(update, lists),
    }),
  });
}

/** Standard Schema v1 for a create body. */
export const createSchema = /* @__PURE__ */ schema(validateCreate, false);
/** Standard Schema v1 for an update body. */
export const updateSchema = /* @__PURE__ */ schema(validateUpdate, true);

// Standard JSON Schema (standardschema.dev/json-schema) for the two request bodies, built at
// call time from the rule table (rules-data.js, generated from src/rules.rs by
// examples/js_rules.rs) and the wasm's own currency and country lists: no second copy of a rule.
//
// `input` describes what the server accepts as sent: its trim and code-point limits are written
// as patterns (`^T*[\s\S]{0,100}T*$`: at most 100 code points between trimmable ends; a
// required field also refuses text that trims to nothing). `output` describes the normalized
// value `validate` returns: trimmed, so plain `minLength`/`maxLength`. Neither can hold the
// server's email parser: `format: "email"` (an annotation in 2020-12) and, in `input`, an "@".
import { FIELDS, TRIM } from "./rules-data.js";

const TARGETS = {
  "draft-2020-12": "https://json-schema.org/draft/2020-12/schema",
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "openapi-3.0": "",
};
const T = `[${TRIM}]*`;

const object = () => ({ type: "object", properties: {}, additionalProperties: false });

/** One request's schema; `openapi`: OpenAPI 3.0's `nullable` in place of a `null` type. */
function build(update, input, lists, openapi) {
  const orNull = (s) => (openapi ? { ...s, nullable: true } : { ...s, type: [s.type, "null"] });
  const objects = { "": object() };
  for (const [path, kind, max, onCreate, onUpdate] of FIELDS) {
    const presence = update ? onUpdate : onCreate;
    if (presence === "immutable") continue; // refused even as null: not a property at all
    const dot = path.lastIndexOf(".");
    const parent = objects[dot < 0 ? "" : path.slice(0, dot)];
    const key = path.slice(dot + 1);
    // May be null; as sent, blank text is null too (the server's middleware).
    const nullable = presence === "nullable";
    // In a value, a create drops what normalized to nothing; an update keeps a top-level `null`
    // (it clears); an address's parts are never `null`.
    const nullOut = nullable && update && dot < 0;
    const list = kind === "currency" ? lists.currencies() : kind === "country" ? lists.countries() : null;
    let s;
    if (kind === "object") {
      // Copies share `properties` with objects[path], which the parts below fill in.
      s = objects[path] = object();
      // As sent, an empty array and blank text are no address either (Laravel's input).
      if (input && nullable) s = { anyOf: [orNull(s), { type: "array", maxItems: 0 }, { type: "string", pattern: `^${T}$` }] };
      else if (nullOut) s = orNull(s);
    } else if (input) {
      const body = list
        ? `(?:${list.join("|")})${nullable ? "?" : ""}`
        : `${kind === "email" ? `(?=[\\s\\S]*@${nullable ? `|${T}$` : ""})` : ""}[\\s\\S]{0,${max}}`;
      s = { type: "string", pattern: `^${nullable ? "" : `(?!${T}$)`}${T}${body}${T}$` };
      if (nullable) s = orNull(s);
    } else if (list) {
      s = { enum: list };
    } else {
      s = { type: "string", minLength: 1, maxLength: max };
      if (nullOut) s = orNull(s);
    }
    if (kind === "email") s.format = "email";
    parent.properties[key] = s;
    if (presence === "required") (parent.required ??= []).push(key);
  }
  return objects[""];
}

/**
 * `~standard.jsonSchema` for one request: `lists` gives the currency and country codes (the
 * wasm's, so a call before the module started throws, naming `ready`).
 */
export function jsonSchemaOf(update, lists) {
  const convert = (input) => (options) => {
    const target = options?.target;
    if (!Object.hasOwn(TARGETS, target)) throw new TypeError(`billing-account-form: unsupported JSON Schema target ${target}`);
    const schema = build(update, input, lists, !TARGETS[target]);
    return TARGETS[target] ? { $schema: TARGETS[target], ...schema } : schema;
  };
  return Object.freeze({ input: convert(true), output: convert(false) });
}

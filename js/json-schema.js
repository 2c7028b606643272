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

/** One request's schema, draft 2020-12 shaped (draft-07 reads it alike). */
function build(update, input, lists) {
  const objects = { "": object() };
  for (const [path, kind, max, onCreate, onUpdate] of FIELDS) {
    const presence = update ? onUpdate : onCreate;
    if (presence === "immutable") continue; // refused even as null: not a property at all
    const dot = path.lastIndexOf(".");
    const parent = objects[path.slice(0, Math.max(dot, 0))];
    const key = path.slice(dot + 1);
    const nullable = presence === "nullable";
    // Output: a create drops what normalized to nothing; an update keeps a top-level `null`
    // (it clears); an address's parts are never `null` in a value.
    const nullOut = nullable && update && dot < 0;
    let s;
    if (kind === "object") {
      s = objects[path] = object();
      if (input && nullable) {
        // As sent, blank text and an empty array are no address either (Laravel's input).
        s = { anyOf: [s, { type: "null" }, { type: "array", maxItems: 0 }, { type: "string", pattern: `^${T}$` }] };
      } else if (nullOut) s = { anyOf: [s, { type: "null" }] };
    } else if (input) {
      const body =
        kind === "currency" || kind === "country"
          ? `(?:${(kind === "currency" ? lists.currencies() : lists.countries()).join("|")})${nullable ? "?" : ""}`
          : `${kind === "email" ? `(?=[\\s\\S]*@${nullable ? `|${T}$` : ""})` : ""}[\\s\\S]{0,${max}}`;
      s = { type: nullable ? ["string", "null"] : "string", pattern: `^${nullable ? "" : `(?!${T}$)`}${T}${body}${T}$` };
    } else if (kind === "currency" || kind === "country") {
      s = { enum: kind === "currency" ? lists.currencies() : lists.countries() };
      if (nullOut) s.enum.push(null);
    } else {
      s = { type: nullOut ? ["string", "null"] : "string", minLength: 1, maxLength: max };
    }
    if (kind === "email") s.format = "email";
    parent.properties[key] = s;
    if (presence === "required") (parent.required ??= []).push(key);
  }
  return objects[""];
}

/** draft 2020-12 shapes in OpenAPI 3.0's dialect: `nullable` instead of a `null` type. */
function openapi(s) {
  if (Array.isArray(s)) return s.map(openapi);
  if (s === null || typeof s !== "object") return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) out[k] = openapi(v);
  if (Array.isArray(out.type)) {
    out.type = out.type.filter((t) => t !== "null")[0];
    out.nullable = true;
  }
  const rest = out.anyOf?.filter((a) => a.type !== "null");
  if (rest?.length < out.anyOf?.length) {
    // `nullable` needs a `type` beside it: merged into a lone alternative, else null spelled 3.0's way.
    if (rest.length === 1) return { ...rest[0], nullable: true };
    out.anyOf = [...rest, { type: "string", nullable: true, enum: [null] }];
  }
  return out;
}

/**
 * `~standard.jsonSchema` for one request: `lists` gives the currency and country codes (the
 * wasm's, so a call before the module started throws, naming `ready`).
 */
export function jsonSchemaOf(update, lists) {
  const convert = (input) => (options) => {
    const target = options?.target;
    if (typeof target !== "string" || !Object.hasOwn(TARGETS, target)) {
      throw new TypeError(`billing-account-form: unsupported JSON Schema target ${JSON.stringify(target)}; use one of ${Object.keys(TARGETS).join(", ")}`);
    }
    const schema = build(update, input, lists);
    return TARGETS[target] ? { $schema: TARGETS[target], ...schema } : openapi(schema);
  };
  return Object.freeze({ input: convert(true), output: convert(false) });
}

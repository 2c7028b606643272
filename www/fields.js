// The form's layout: which inputs exist, in which group, and how each is typed into.
// Layout only: whether a field is required, its limit and its messages come from the library.

/**
 * @typedef {object} FieldSpec
 * @property {string} path        the server's dotted path (`address.postal_code`), as in FieldError.path
 * @property {"text" | "textarea" | "select"} control
 * @property {"account" | "address"} group
 * @property {Record<string, string>} [attrs]  HTML attributes for typing comfort (autocomplete, inputmode, dir)
 * @property {"currency" | "country"} [options]  where a select's options come from
 */

/** @type {FieldSpec[]} */
export const FIELDS = [
  { path: "name", control: "text", group: "account", attrs: { autocomplete: "organization", dir: "auto" } },
  {
    path: "email",
    control: "text",
    group: "account",
    // Not type="email": the browser's own email check differs from the server's, and it
    // rewrites what was typed (trims, punycode) before the library sees it.
    attrs: { autocomplete: "email", inputmode: "email", dir: "ltr", spellcheck: "false" },
  },
  { path: "phone", control: "text", group: "account", attrs: { type: "tel", autocomplete: "tel", dir: "ltr" } },
  { path: "description", control: "textarea", group: "account", attrs: { rows: "3", dir: "auto" } },
  { path: "currency", control: "select", group: "account", options: "currency" },
  { path: "address.country", control: "select", group: "address", options: "country" },
  { path: "address.line1", control: "text", group: "address", attrs: { autocomplete: "address-line1", dir: "auto" } },
  { path: "address.line2", control: "text", group: "address", attrs: { autocomplete: "address-line2", dir: "auto" } },
  { path: "address.city", control: "text", group: "address", attrs: { autocomplete: "address-level2", dir: "auto" } },
  { path: "address.state", control: "text", group: "address", attrs: { autocomplete: "address-level1", dir: "auto" } },
  {
    path: "address.postal_code",
    control: "text",
    group: "address",
    attrs: { autocomplete: "postal-code", dir: "ltr" },
  },
];

/** The id of a field's input: `f-address-postal_code`, so an error summary can link to it. */
export function inputId(path) {
  return "f-" + path.replace(/\./g, "-");
}

/** `{address: {city: v}}` for `address.city`: the body shape a dotted path names. */
export function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
  return target;
}

/** The value at a dotted path, `undefined` when any step is missing. */
export function getPath(source, path) {
  let node = source;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[key];
  }
  return node;
}

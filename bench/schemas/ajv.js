// DESIGN §2 in JSON Schema for ajv (with ajv-formats for `email`), as a frontend team would write
// it. JSON Schema has no trim: lengths apply to the text as typed. `allErrors`, because a form
// shows every field's error at once (as the other libraries here do).
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { COUNTRIES, CURRENCIES, MAX } from "./rules.js";

const text = (max) => ({ type: ["string", "null"], maxLength: max });

const schema = {
  type: "object",
  additionalProperties: false,
  required: ["name", "email"],
  properties: {
    name: { type: "string", minLength: 1, maxLength: MAX.name, pattern: "\\S" },
    email: { type: "string", maxLength: MAX.email, format: "email" },
    phone: text(MAX.phone),
    description: text(MAX.description),
    currency: { enum: [...CURRENCIES, null] },
    address: {
      type: ["object", "null"],
      additionalProperties: false,
      properties: {
        country: { enum: [...COUNTRIES, null] },
        line1: text(MAX.addressLine),
        line2: text(MAX.addressLine),
        city: text(MAX.addressLine),
        state: text(MAX.addressLine),
        postal_code: text(MAX.addressLine),
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true });
addFormats(ajv, ["email"]);
const validate = ajv.compile(schema);

/** One create body: `{ ok, errors }`, errors being ajv's list for the body. */
export const validateCreate = (input) => {
  const ok = validate(input);
  return { ok, errors: validate.errors };
};

// DESIGN §2 in valibot, as a frontend team would write it: trim, then the limits; strict objects.
import * as v from "valibot";
import { COUNTRIES, CURRENCIES, MAX } from "./rules.js";

const text = (max) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const optionalText = (max) => v.nullish(text(max));

const address = v.nullish(
  v.strictObject({
    country: v.nullish(v.picklist(COUNTRIES)),
    line1: optionalText(MAX.addressLine),
    line2: optionalText(MAX.addressLine),
    city: optionalText(MAX.addressLine),
    state: optionalText(MAX.addressLine),
    postal_code: optionalText(MAX.addressLine),
  }),
);

export const createSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MAX.name)),
  email: v.pipe(v.string(), v.trim(), v.maxLength(MAX.email), v.email()),
  phone: optionalText(MAX.phone),
  description: optionalText(MAX.description),
  currency: v.nullish(v.picklist(CURRENCIES)),
  address,
});

/** One create body: `{ success, output }` or `{ success: false, issues }` with every issue. */
export const validateCreate = (input) => v.safeParse(createSchema, input);

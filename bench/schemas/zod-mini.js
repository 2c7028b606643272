// DESIGN §2 in zod/mini (zod's tree-shakable functional API), as a frontend team would write it:
// trim, then the limits; strict objects.
import * as z from "zod/mini";
import { COUNTRIES, CURRENCIES, MAX } from "./rules.js";

const text = (max) => z.string().check(z.trim(), z.maxLength(max));
const optionalText = (max) => z.nullish(text(max));

const address = z.nullish(
  z.strictObject({
    country: z.nullish(z.enum(COUNTRIES)),
    line1: optionalText(MAX.addressLine),
    line2: optionalText(MAX.addressLine),
    city: optionalText(MAX.addressLine),
    state: optionalText(MAX.addressLine),
    postal_code: optionalText(MAX.addressLine),
  }),
);

export const createSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX.name)),
  email: z.pipe(z.string().check(z.trim(), z.maxLength(MAX.email)), z.email()),
  phone: optionalText(MAX.phone),
  description: optionalText(MAX.description),
  currency: z.nullish(z.enum(CURRENCIES)),
  address,
});

/** One create body: `{ success, data }` or `{ success: false, error }` with every issue. */
export const validateCreate = (input) => z.safeParse(createSchema, input);

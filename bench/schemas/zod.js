// DESIGN §2 in zod, as a frontend team would write it: trim, then the limits; strict objects.
import * as z from "zod";
import { COUNTRIES, CURRENCIES, MAX } from "./rules.js";

const text = (max) => z.string().trim().max(max);
const optionalText = (max) => text(max).nullish();

const address = z
  .strictObject({
    country: z.enum(COUNTRIES).nullish(),
    line1: optionalText(MAX.addressLine),
    line2: optionalText(MAX.addressLine),
    city: optionalText(MAX.addressLine),
    state: optionalText(MAX.addressLine),
    postal_code: optionalText(MAX.addressLine),
  })
  .nullish();

export const createSchema = z.strictObject({
  name: text(MAX.name).min(1),
  email: z.string().trim().max(MAX.email).pipe(z.email()),
  phone: optionalText(MAX.phone),
  description: optionalText(MAX.description),
  currency: z.enum(CURRENCIES).nullish(),
  address,
});

/** One create body: `{ success, data }` or `{ success: false, error }` with every issue. */
export const validateCreate = (input) => createSchema.safeParse(input);

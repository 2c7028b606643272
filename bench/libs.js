// The validators behind one shape: `check(body)` is what a user calls, `ok(result)` reads its verdict.
import * as zod from "./schemas/zod.js";
import * as zodMini from "./schemas/zod-mini.js";
import * as valibot from "./schemas/valibot.js";
import * as ajv from "./schemas/ajv.js";

export async function load() {
  const ours = await import("../pkg/index.js");
  await ours.ready;
  return {
    ours,
    libs: [
      { name: "billing-account-form", check: (b) => ours.validateCreate(b), ok: (r) => r.ok },
      { name: "zod", check: zod.validateCreate, ok: (r) => r.success },
      { name: "zod/mini", check: zodMini.validateCreate, ok: (r) => r.success },
      { name: "valibot", check: valibot.validateCreate, ok: (r) => r.success },
      { name: "ajv", check: ajv.validateCreate, ok: (r) => r.ok },
    ],
  };
}

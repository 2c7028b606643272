// The mock's and the JSON Schema converter's types, as a TypeScript user meets them (tsc --strict).
import { createSchema, updateSchema } from "billing-account-form";
import { createHandlers, type MockHandlers } from "billing-account-form/mock";

export const input: Record<string, unknown> = createSchema["~standard"].jsonSchema.input({ target: "draft-07" });
export const output = updateSchema["~standard"].jsonSchema.output({ target: "openapi-3.0" });
const handlers: MockHandlers = createHandlers({ token: "t", workspaces: [{ id: "ws_a", limit: 2 }] });
handlers.fault({ method: "POST", status: 503, times: 1 });
export const requests: number = handlers.count("GET /workspaces/ws_a/billing-accounts");
// @ts-expect-error a fault kind that does not exist
handlers.fault({ fault: "explode" });
// @ts-expect-error the converter needs a target
createSchema["~standard"].jsonSchema.input({});

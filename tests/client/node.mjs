// The client suite (suite.mjs) in Node, under node:test, on the built package in pkg/.
//   STANDIN_URL=… STANDIN_TOKEN=… STANDIN_CLOSED_URL=… HOSTILE_URL=… node --test tests/client/node.mjs
import { test } from "node:test";
import * as validation from "../../pkg/index.js";
import * as client from "../../pkg/client.js";
import * as glue from "../../pkg/wasm-client/glue.js";
import { suite } from "./suite.mjs";

await validation.ready;
// The first call starts the client's wasm: the glue imported here is the one it started.
await client.listBillingAccounts({ token: "t" }, "").catch(() => {});
const env = { client, validation, glue, inBrowser: false, ...process.env };
for (const { name, fn } of suite(env)) test(name, fn);

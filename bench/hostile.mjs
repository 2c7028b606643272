// Hostile inputs (README, "Hostile inputs"): each case in its own Node process, with a fresh
// wasm instance, so the memory figure is what that one call made the module grow to. Prints one
// line per case: verdict, time, wasm memory after, size of the result as JSON. Not a test (times
// vary with the machine); `node bench/hostile.mjs` after `scripts/build-pkg`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as glue from "../pkg/wasm-validation/glue.js";
import hex from "../pkg/wasm-validation/bytes.js";
import { decode } from "../pkg/bytes.js";

// Each case makes its input first (not timed: a million keys take V8 a while to make), then
// the call is timed. Long strings are flattened before the call, as a text field's value or
// `JSON.parse` hands them over (`"a".repeat(n)` is a rope V8 flattens at the first look at its
// characters, 0.2 s at 450M).
const millionKeys = () => {
  const o = { name: "a", email: "a@b.co" };
  for (let i = 0; i < 1_000_000; i++) o["k" + i] = i;
  return o;
};
const flat = (s) => (/[^a]/.test(s), s);
const CASES = {
  "typed array of 5M bytes in address": [
    () => ({ name: "a", email: "a@b.co", address: new Uint8Array(5_000_000) }),
    (body) => glue.validateCreate(body),
  ],
  "object with 1M keys": [
    millionKeys,
    (body) => glue.validateCreate(body),
  ],
  "for comparison: Object.keys of that object, alone": [
    millionKeys,
    (body) => `${Object.keys(body).length} keys (the engine's own cost of listing them)`,
  ],
  "450M-character name": [
    () => ({ name: flat("a".repeat(450_000_000)), email: "a@b.co" }),
    (body) => glue.validateCreate(body),
  ],
  "450M-character email": [
    () => ({ name: "a", email: flat("a".repeat(450_000_000)) + "@b.co" }),
    (body) => glue.validateCreate(body),
  ],
  "getters calling validateCreate: 20 arrays of 100,000 items": [
    () => {
      const nested = { calls: 0 };
      const inner = () => {
        const a = new Array(100_000).fill(0);
        Object.defineProperty(a, 0, { get() { nested.calls++; glue.validateCreate({ name: "a", email: "a@b.co" }); return 1; } });
        return a;
      };
      return { nested, body: { name: "a", email: "a@b.co", address: { line1: Array.from({ length: 20 }, inner) } } };
    },
    ({ nested, body }) => ({ ...glue.validateCreate(body), nestedCalls: nested.calls }),
  ],
  "validateMany: one record with 1M keys": [
    () => {
      const keys = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(",");
      return `[{"name":"a","email":"a@b.co",${keys}}]`;
    },
    (text) => glue.validateMany(text)[0],
  ],
};

const summary = (r) => {
  if (typeof r === "string") return r;
  if (typeof r === "number") return `${r} records refused`;
  if (r.ok) return "ok";
  const codes = new Map();
  for (const e of r.errors) codes.set(`${e.path}:${e.code}`, (codes.get(`${e.path}:${e.code}`) ?? 0) + 1);
  const first = [...codes].slice(0, 4).map(([k, n]) => (n > 1 ? `${k}×${n}` : k));
  const more = r.errors.at(-1)?.params?.more;
  return `refused (${r.errors.length} errors: ${first.join(", ")}${codes.size > 4 ? ", …" : ""}${more ? `; ${more} more` : ""})` + (r.nestedCalls !== undefined ? `, ${r.nestedCalls} nested calls` : "");
};

const name = process.argv[2];
if (name !== undefined) {
  const wasm = glue.initSync({ module: decode(hex) });
  const [make, call] = CASES[name];
  const input = make();
  const start = performance.now();
  let verdict;
  try {
    verdict = summary(call(input));
  } catch (e) {
    verdict = `threw ${e?.constructor?.name}: ${String(e?.message).slice(0, 80)}`;
  }
  const ms = performance.now() - start;
  const mb = wasm.memory.buffer.byteLength / 2 ** 20;
  console.log(`| ${name} | ${verdict} | ${ms.toFixed(0)} ms | ${mb.toFixed(1)} MB |`);
} else {
  console.log("| input | verdict | time | wasm memory after |\n| --- | --- | ---: | ---: |");
  const self = fileURLToPath(import.meta.url);
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, ["--max-old-space-size=4096", self, name], {
      encoding: "utf8",
      timeout: 120_000,
    });
    process.stdout.write(r.stdout || `| ${name} | no answer (${r.signal ?? r.status}) ${r.stderr.split("\n").slice(0, 3).join(" ")} | | |\n`);
  }
}

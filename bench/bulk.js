// Bulk: one JSON text of N create bodies (an import file), validated whole. Ours is one
// `validateMany(input)` call; each library is `JSON.parse` and a loop that keeps every record's
// result. Two inputs: the text as a string, and as the UTF-8 bytes `fetch` and `FileReader` give
// (theirs then decode with TextDecoder first). The libraries take turns; the median run counts.
// Also the wasm module's memory before and after (it never gives memory back, so the figure after
// is the most the runs ever held). Prints JSON:
// { "10000": { lib: ms }, "100000": { lib: ms }, "100000 bytes": { lib: ms }, memory, agreement }.
import { load } from "./libs.js";
import { bodies } from "./payloads.js";
import { median } from "./median.js";
import * as glue from "../pkg/wasm-validation/glue.js";
import hex from "../pkg/wasm-validation/bytes.js";
import { decode } from "../pkg/bytes.js";

const CASES = [
  { size: 10_000, bytes: false, runs: Number(process.env.BENCH_BULK_RUNS_10K ?? 15) },
  { size: 100_000, bytes: false, runs: Number(process.env.BENCH_BULK_RUNS_100K ?? 7) },
  { size: 100_000, bytes: true, runs: Number(process.env.BENCH_BULK_RUNS_100K ?? 7) },
];

const { ours, libs } = await load();
// The package does not expose its module's memory: the bench starts a fresh instance of the same
// module through the glue (the package's calls then go to it) and keeps its exports.
const wasm = glue.initSync({ module: decode(hex) });
const memoryBytes = () => wasm.memory.buffer.byteLength;
const memory = { start: memoryBytes() };

const parse = (input) => JSON.parse(typeof input === "string" ? input : new TextDecoder().decode(input));
const runners = [
  { name: "billing-account-form", run: (input) => ours.validateMany(input) },
  ...libs.slice(1).map((lib) => ({
    name: lib.name,
    run: (input) => {
      const records = parse(input);
      const results = new Array(records.length);
      for (let i = 0; i < records.length; i++) {
        const r = lib.check(records[i]);
        results[i] = { index: i, ok: lib.ok(r), result: r };
      }
      return results;
    },
  })),
];

const out = { agreement: {} };
for (const { size, bytes, runs } of CASES) {
  const key = bytes ? `${size} bytes` : String(size);
  // Nine in ten valid, as an import file mostly is.
  const text = JSON.stringify(bodies(size, { seed: 21, validShare: 0.9 }));
  const input = bytes ? new TextEncoder().encode(text) : text;
  const expected = runners[0].run(input).filter((r) => r.ok).length;
  for (const r of runners.slice(1)) {
    out.agreement[`${r.name} ${key}`] = `${r.run(input).filter((x) => x.ok).length}/${expected} valid`;
  }
  const times = Object.fromEntries(runners.map((r) => [r.name, []]));
  for (let round = 0; round < 1 + runs; round++) {
    for (let k = 0; k < runners.length; k++) {
      const r = runners[(round + k) % runners.length];
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      const result = r.run(input);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.length !== size) throw new Error(`${r.name} returned ${result.length} records`);
      if (round > 0) times[r.name].push(ms);
    }
  }
  out[key] = Object.fromEntries(Object.entries(times).map(([n, t]) => [n, median(t)]));
  out[`${key}.bytes`] = Buffer.byteLength(text);
  out[`${key}.refused`] = size - expected;
}
memory.end = memoryBytes();
out.memory = memory;
console.log(JSON.stringify(out));

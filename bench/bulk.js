// Bulk: one JSON text of N create bodies (an import file), validated whole. Ours is one
// `validateMany(text)` call; each library is `JSON.parse(text)` and a loop that keeps every
// record's result. The libraries take turns; the median run counts. Prints JSON:
// { "10000": { lib: ms }, "100000": { lib: ms }, agreement }.
import { load } from "./libs.js";
import { bodies } from "./payloads.js";

const SIZES = [10_000, 100_000];
const RUNS = { 10000: Number(process.env.BENCH_BULK_RUNS_10K ?? 15), 100000: Number(process.env.BENCH_BULK_RUNS_100K ?? 7) };

const { ours, libs } = await load();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const runners = [
  { name: "billing-account-form", run: (text) => ours.validateMany(text) },
  ...libs.slice(1).map((lib) => ({
    name: lib.name,
    run: (text) => {
      const records = JSON.parse(text);
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
for (const size of SIZES) {
  // Nine in ten valid, as an import file mostly is.
  const text = JSON.stringify(bodies(size, { seed: 21, validShare: 0.9 }));
  const expected = runners[0].run(text).filter((r) => r.ok).length;
  for (const r of runners.slice(1)) {
    out.agreement[`${r.name} ${size}`] = `${r.run(text).filter((x) => x.ok).length}/${expected} valid`;
  }
  const times = Object.fromEntries(runners.map((r) => [r.name, []]));
  for (let round = 0; round < 1 + RUNS[size]; round++) {
    for (let k = 0; k < runners.length; k++) {
      const r = runners[(round + k) % runners.length];
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      const result = r.run(text);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.length !== size) throw new Error(`${r.name} returned ${result.length} records`);
      if (round > 0) times[r.name].push(ms);
    }
  }
  out[size] = Object.fromEntries(Object.entries(times).map(([n, t]) => [n, median(t)]));
  out[`${size}.bytes`] = Buffer.byteLength(text);
}
console.log(JSON.stringify(out));

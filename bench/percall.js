// Per call, in one Node process: each library validates the same pool of valid (then invalid)
// bodies in batches, the libraries taking turns batch by batch; the median batch gives the time
// of one call. Also ours alone: `validateField` on one email at a time (live feedback as a user
// types). Prints JSON: { valid: {lib: ns}, invalid: {lib: ns}, field: ns, agreement }.
import { load } from "./libs.js";
import { perCallPools } from "./payloads.js";
import { median } from "./median.js";

const POOL = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const WARMUP = 10;

const { ours, libs } = await load();
const pools = perCallPools(POOL);

// Every library must agree on every body, or the comparison is of different work.
const agreement = {};
for (const [kind, pool] of Object.entries(pools)) {
  for (const lib of libs) {
    const agree = pool.filter((b) => lib.ok(lib.check(b)) === (kind === "valid")).length;
    agreement[`${lib.name} ${kind}`] = `${agree}/${pool.length}`;
  }
}

let sink = 0;
function batch(lib, pool) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < pool.length; i++) {
    if (lib.ok(lib.check(pool[i]))) sink++;
  }
  return Number(process.hrtime.bigint() - start) / pool.length;
}

const out = { valid: {}, invalid: {}, agreement, rounds: ROUNDS, pool: POOL };
for (const kind of ["valid", "invalid"]) {
  const times = Object.fromEntries(libs.map((l) => [l.name, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // Rotate who goes first, so no library always runs right after the same other one.
    for (let k = 0; k < libs.length; k++) {
      const lib = libs[(round + k) % libs.length];
      const ns = batch(lib, pools[kind]);
      if (round >= WARMUP) times[lib.name].push(ns);
    }
  }
  for (const [name, ts] of Object.entries(times)) out[kind][name] = median(ts);
}
// validateField on the email of each valid body, one call at a time, in batches: the median.
const emails = pools.valid.map((b) => b.email);
const fieldTimes = [];
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < emails.length; i++) sink += ours.validateField("create", "email", emails[i]).length;
  if (round >= WARMUP) fieldTimes.push(Number(process.hrtime.bigint() - start) / emails.length);
}
out.field = median(fieldTimes);
out.sink = sink;
console.log(JSON.stringify(out));

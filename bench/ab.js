// Two builds of the package side by side in one Node process, for a change's effect on speed:
// first every per-call bench body must get the same result from both (else it stops: the change
// altered an answer), then, round after round, each validates the valid pool and the invalid pool
// (A and B taking turns to go first), and the median of the rounds' B/A ratios is printed. A
// ratio of two builds measured moments apart moves far less than either's time on a shared
// machine. A measurement, not a test.
//   cp -r pkg /tmp/before   # then change, scripts/build-pkg, and:
//   node bench/ab.js /tmp/before pkg        (ROUNDS=300 by default)
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { median } from "./median.js";
import { perCallPools } from "./payloads.js";

const [a, b] = process.argv.slice(2);
if (b === undefined) {
  console.error("usage: node bench/ab.js PKG_A PKG_B");
  process.exit(2);
}
const load = async (dir) => {
  const m = await import(pathToFileURL(resolve(dir, "index.js")).href);
  await m.ready;
  return m;
};
const [A, B] = [await load(a), await load(b)];
const pools = perCallPools(1000);

for (const [kind, pool] of Object.entries(pools)) {
  for (const body of pool) {
    const x = JSON.stringify(A.validateCreate(body));
    const y = JSON.stringify(B.validateCreate(body));
    if (x !== y) {
      console.error(`${kind} body ${JSON.stringify(body)}:\n  A ${x}\n  B ${y}`);
      process.exit(1);
    }
  }
}

const ROUNDS = Number(process.env.ROUNDS ?? 300);
const WARMUP = 20;
let sink = 0;
function time(m, pool) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < pool.length; i++) if (m.validateCreate(pool[i]).ok) sink++;
  return Number(process.hrtime.bigint() - start) / pool.length;
}
for (const [kind, pool] of Object.entries(pools)) {
  const ta = [], tb = [], ratios = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    let x, y;
    if (round % 2) {
      x = time(A, pool);
      y = time(B, pool);
    } else {
      y = time(B, pool);
      x = time(A, pool);
    }
    if (round < WARMUP) continue;
    ta.push(x);
    tb.push(y);
    ratios.push(y / x);
  }
  console.log(`${kind}: A ${median(ta).toFixed(0)} ns, B ${median(tb).toFixed(0)} ns, B/A ${median(ratios).toFixed(3)} (median of ${ROUNDS} rounds)`);
}
if (sink < 0) console.log(sink);

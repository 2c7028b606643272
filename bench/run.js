// Runs every measurement and prints one table of figures and ratios (ours / theirs), also
// written to bench/results.md. A benchmark, not a test: nothing here fails on a slow machine.
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sizes } from "./size.js";
import { coldStarts } from "./cold.js";
import { median } from "./median.js";

const here = dirname(fileURLToPath(import.meta.url));
const OURS = "billing-account-form";
const THEIRS = ["zod", "zod/mini", "valibot", "ajv"];
const node = (script, flags = []) =>
  JSON.parse(execFileSync(process.execPath, [...flags, join(here, script)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));

const step = (s) => process.stderr.write(`bench: ${s}\n`);
const load = loadavg()[0];
step("size");
const size = await sizes();
// Per call, in several processes: each process's ratios are measured turn by turn, but a
// shared machine makes one process differ from the next, so the table gives the median of each
// library's per-process medians and the text below it each process's ratios to ajv.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
step(`per call (${RUNS} Node processes, libraries alternating in each)`);
const runs = Array.from({ length: RUNS }, () => node("percall.js"));
const perCall = {
  ...runs[0],
  field: median(runs.map((r) => r.field)),
  fields: runs.map((r) => r.field),
};
for (const kind of ["valid", "invalid"]) {
  perCall[kind] = Object.fromEntries(Object.keys(runs[0][kind]).map((l) => [l, median(runs.map((r) => r[kind][l]))]));
  perCall[`${kind} to ajv`] = runs.map((r) => r[kind][OURS] / r[kind].ajv);
}
step("bulk: validateMany against JSON.parse + loop, 10,000 and 100,000 records, text and bytes");
const bulk = node("bulk.js", ["--expose-gc"]);
step("cold start in headless Chromium");
const cold = await coldStarts();

const versions = Object.fromEntries(
  ["zod", "valibot", "ajv", "ajv-formats", "vite"].map((n) => [n, JSON.parse(readFileSync(join(here, "node_modules", n, "package.json"), "utf8")).version]),
);
const cpu = cpus()[0]?.model ?? "unknown CPU";
const machine = `${cpus().length} × ${cpu}, Node ${process.version}, load average ${load.toFixed(2)} at start`;
const date = new Date().toISOString().slice(0, 10);

const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
const us = (ns) => `${(ns / 1000).toFixed(2)} µs`;
const ms = (x) => `${x.toFixed(1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const CLIENT = "billing-account-form + client";

const rows = [
  ["size: Vite production build of an app validating one body, every file gzip -9", (l) => size[l].gzip, kb],
  ["per call, valid create body (median)", (l) => perCall.valid[l], us],
  ["per call, invalid create body (median)", (l) => perCall.invalid[l], us],
  ["bulk, 10,000 records (ours: validateMany; theirs: JSON.parse + loop)", (l) => bulk["10000"][l], ms],
  ["bulk, 100,000 records", (l) => bulk["100000"][l], ms],
  ["bulk, 100,000 records as UTF-8 bytes (theirs: TextDecoder first)", (l) => bulk["100000 bytes"][l], ms],
  ["cold start in Chromium, fetch complete → first result (median)", (l) => cold[l], ms],
];
const header = `| measure | ${OURS} | ${THEIRS.map((t) => `${t} | ours/${t}`).join(" | ")} |`;
const rule = `|---|---:|${THEIRS.map(() => "---:|---:").join("|")}|`;
const lines = rows.map(([name, get, fmt]) => `| ${name} | ${fmt(get(OURS))} | ${THEIRS.map((t) => `${fmt(get(t))} | ${ratio(get(OURS), get(t))}`).join(" | ")} |`);

const text = [
  `Measured ${date} on ${machine}.`,
  `zod ${versions.zod} (zod/mini is its functional API), valibot ${versions.valibot}, ajv ${versions.ajv} with ajv-formats ${versions["ajv-formats"]}; built with Vite ${versions.vite}. Ratios are ours / theirs: below 1× is ours smaller or faster.`,
  "",
  header,
  rule,
  ...lines,
  "",
  `Size with the client: the same app importing \`billing-account-form/client\` too is ${kb(size[CLIENT].gzip)} (${size[CLIENT].files.length} files, its lazily loaded chunk included): the client adds ${kb(size[CLIENT].gzip - size[OURS].gzip)} on top.`,
  "",
  `Per call: ${perCall.pool} bodies per batch, ${perCall.rounds} batches per library, in each of ${RUNS} Node processes; the table gives the median of the processes' medians. Ours / ajv in each process: valid ${perCall["valid to ajv"].map((r) => `${r.toFixed(2)}×`).join(", ")}; invalid ${perCall["invalid to ajv"].map((r) => `${r.toFixed(2)}×`).join(", ")}. \`validateField("create", "email", …)\` on one email: ${us(perCall.field)} median (${perCall.fields.map(us).join(", ")}).`,
  "",
  `Bulk: ${kb(bulk["10000.bytes"])} and ${kb(bulk["100000.bytes"])} of JSON, nine in ten bodies valid (${bulk["100000.refused"]} refused at 100,000). The wasm module's memory: ${mb(bulk.memory.start)} when started, ${mb(bulk.memory.end)} after every bulk run (it never shrinks, so this is the most it held), against ${mb(bulk["100000.bytes"])} of input.`,
  "",
].join("\n");
writeFileSync(join(here, "results.md"), text);
console.log(text);

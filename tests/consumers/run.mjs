// The consumer matrix: builds, serves and runs each project here the way its users would, and
// checks what it shows (in headless Chromium for browser consumers) or prints. Then the package is
// checked like its ecosystem does: publint --strict and @arethetypeswrong/cli on the tarball.
//
//   node run.mjs [NAME...]      (names or prefixes: `node run.mjs vite next-dev`)
//
// Environment: TARBALL (the packed package, already installed into node_modules here),
// STANDIN_URL and STANDIN_TOKEN (the stand-in API), LOG_DIR (one log per check).
// Prints one line per check and `consumers: N passed, M failed`; exits 1 if any failed.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const { TARBALL, STANDIN_URL, STANDIN_TOKEN } = process.env;
const LOG_DIR = resolve(process.env.LOG_DIR ?? join(here, "../../target/consumers/logs"));
mkdirSync(LOG_DIR, { recursive: true });
for (const [k, v] of Object.entries({ TARBALL, STANDIN_URL, STANDIN_TOKEN })) {
  if (!v) throw new Error(`${k} is not set (scripts/test-consumers sets it)`);
}

// What a browser consumer shows, and what a server-side one prints (the same plus the API calls:
// a list from the stand-in, and a create refused locally with kind invalid_input).
const BROWSER = "RESULT|address.country:country|Acme|Germany";
const SERVER = `${BROWSER}|api:list,invalid_input`;
// A page's own script also says what a call made before `ready` did: answered, or threw an Error
// naming `ready`. (The worker and Next's client component show BROWSER.)
const PAGE = new RegExp(`^${BROWSER.replaceAll("|", "\\|")}\\|before ready: (answered|threw naming ready)$`);

// No telemetry, no update checks, no prompts, no colours in the logs.
const env = {
  ...process.env,
  CI: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  WRANGLER_SEND_METRICS: "false",
  DO_NOT_TRACK: "1",
  DENO_NO_UPDATE_CHECK: "1",
  DENO_NO_PROMPT: "1",
  BROWSERSLIST_IGNORE_OLD_DATA: "1",
  NO_UPDATE_NOTIFIER: "1",
  npm_config_update_notifier: "false",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
};
delete env.NODE_OPTIONS;

const run = (...script) => ({ kind: "run", script });

// Each check: the project (dir), the steps run first (npm scripts with arguments), then one of
//   out:   the last step's output must hold this line
//   page:  serve `serve` (a built directory) and open `page` in Chromium
//   dev:   start this long-running npm script on a free port (args get {port}), then open `/`
//   http:  as dev, but fetch `/` from Node and check the body
// expect: { selector: text } for pages; the line for out/http.
const checks = [
  { name: "node-esm", dir: "node", steps: [run("esm")], out: SERVER },
  { name: "node-require", dir: "node", steps: [run("require")], out: SERVER },
  // The oldest Node the package supports, from npm (node-20.19 is its own project, outside the workspace).
  { name: "node-20.19-esm", dir: "node-20.19", steps: [run("esm")], out: SERVER, also: /^v20\.19\.0$/m },
  { name: "node-20.19-require", dir: "node-20.19", steps: [run("require")], out: SERVER, also: /^v20\.19\.0$/m },
  ...["vite5", "vite6", "vite7"].flatMap((dir) => [
    // Vite keys its pre-bundled dependencies on the lockfile, which a --no-save install of a new
    // tarball leaves alone: start from none, as after a real upgrade.
    { name: `${dir}-dev`, dir, clean: ["node_modules/.vite"], dev: ["dev", "--", "--host", "127.0.0.1", "--port", "{port}", "--strictPort"], expect: { "#out": PAGE } },
    { name: `${dir}-build`, dir, steps: [run("build")], serve: "dist", expect: { "#out": PAGE } },
  ]),
  { name: "vite-worker-dev", dir: "vite-worker", clean: ["node_modules/.vite"], dev: ["dev", "--", "--host", "127.0.0.1", "--port", "{port}", "--strictPort"], expect: { "#out": BROWSER } },
  { name: "vite-worker-build", dir: "vite-worker", steps: [run("build")], serve: "dist", expect: { "#out": BROWSER } },
  { name: "webpack-5.82", dir: "webpack-5.82", steps: [run("build")], serve: ".", expect: { "#out": PAGE } },
  { name: "webpack-latest", dir: "webpack-latest", steps: [run("build")], serve: ".", expect: { "#out": PAGE } },
  { name: "rollup", dir: "rollup", steps: [run("build")], serve: ".", expect: { "#out": PAGE } },
  { name: "esbuild-browser", dir: "esbuild", steps: [run("build:browser")], serve: ".", expect: { "#out": PAGE } },
  { name: "esbuild-node", dir: "esbuild", steps: [run("build:node"), run("start:node")], out: SERVER },
  { name: "parcel-serve", dir: "parcel", dev: ["dev", "--", "--host", "127.0.0.1", "--port", "{port}"], expect: { "#out": PAGE } },
  { name: "parcel-build", dir: "parcel", clean: ["dist"], steps: [run("build")], serve: "dist", expect: { "#out": PAGE } },
  { name: "next-build-start", dir: "next", clean: [".next"], steps: [run("build")], dev: ["start", "--", "--hostname", "127.0.0.1", "--port", "{port}"], expect: { "#server": SERVER, "#out": BROWSER } },
  // Next 16 builds with Turbopack by default; --webpack is the other bundler it ships.
  { name: "next-webpack-build-start", dir: "next", clean: [".next"], steps: [run("build", "--", "--webpack")], dev: ["start", "--", "--hostname", "127.0.0.1", "--port", "{port}"], expect: { "#server": SERVER, "#out": BROWSER } },
  { name: "next-dev", dir: "next", clean: [".next"], dev: ["dev", "--", "--hostname", "127.0.0.1", "--port", "{port}"], expect: { "#server": SERVER, "#out": BROWSER } },
  ...["node.test.mjs", "node.test.cjs", "jsdom.test.mjs", "jsdom.test.cjs"].map((file) => ({
    name: `jest-${file.replace(".test.", "-")}`,
    dir: "jest",
    steps: [run("test", "--", "--ci", `${file.replaceAll(".", "\\.")}$`)],
    out: /^Tests:\s+1 passed, 1 total$/m,
  })),
  { name: "vitest", dir: "vitest", steps: [run("test")], out: /Tests\s+2 passed \(2\)/ },
  { name: "bun-run", dir: "bun", steps: [run("start")], out: SERVER },
  { name: "bun-build", dir: "bun", clean: ["dist"], steps: [run("build"), run("start:dist")], out: SERVER },
  { name: "deno", dir: "deno", steps: [run("start", "--", STANDIN_URL, STANDIN_TOKEN)], out: SERVER },
  {
    name: "workerd",
    dir: "workerd",
    dev: ["dev", "--", "--ip", "127.0.0.1", "--port", "{port}", "--inspector-port", "{port2}", "--var", `STANDIN_URL:${STANDIN_URL}`, "--var", `STANDIN_TOKEN:${STANDIN_TOKEN}`, "--show-interactive-dev-session=false"],
    http: SERVER,
  },
];

// ---- processes ------------------------------------------------------------------------------

const live = new Set(); // process groups still running, killed on any exit
const killGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {}
};
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of live) killGroup(child, "SIGKILL");
    process.exit(130);
  });
}
process.on("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

// Starts `npm run SCRIPT ARGS...` in its own process group, output appended to the log.
function start(dir, args, log) {
  log.write(`\n$ npm run ${args.join(" ")}   (in ${dir})\n`);
  const child = spawn("npm", ["run", "--silent", ...args], {
    cwd: join(here, dir),
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  child.output = "";
  const take = (chunk) => {
    child.output += chunk;
    log.write(chunk);
  };
  child.stdout.on("data", take);
  child.stderr.on("data", take);
  child.done = new Promise((resolve) => {
    child.on("close", (code, signal) => {
      live.delete(child);
      resolve(code ?? signal);
    });
  });
  return child;
}

async function stop(child) {
  if (!live.has(child)) return;
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
  await child.done;
  clearTimeout(timer);
  killGroup(child, "SIGKILL"); // anything of the group that outlived its leader
}

async function runStep(dir, args, log, timeoutMs = 300_000) {
  const child = start(dir, args, log);
  const timer = setTimeout(() => {
    log.write(`\n[timed out after ${timeoutMs / 1000} s]\n`);
    child.timedOut = true;
    killGroup(child, "SIGKILL");
  }, timeoutMs);
  const code = await child.done;
  clearTimeout(timer);
  if (child.timedOut) throw new Failure(`npm run ${args[0]} timed out after ${timeoutMs / 1000} s`);
  if (code !== 0) throw new Failure(`npm run ${args[0]} exited with ${code}`, child.output);
  return child.output;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Waits until the server answers anything at all on `/`.
async function waitForHttp(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!live.has(child)) throw new Failure(`the server exited (${await child.done}) before answering`, child.output);
    // Parcel and wrangler keep running after a failed build, waiting for a change that won't come.
    if (/Build failed/.test(stripAnsi(child.output))) {
      await new Promise((r) => setTimeout(r, 1000));
      throw new Failure("the dev server's build failed", child.output);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Failure(`the server did not answer ${url} within ${timeoutMs / 1000} s`, child.output);
}

class Failure extends Error {
  constructor(message, output = "") {
    super(message);
    this.output = output;
  }
}

// ---- browser --------------------------------------------------------------------------------

let browserPromise;
async function browser() {
  const { chromium } = await import("playwright-core");
  browserPromise ??= chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  return browserPromise;
}

// Opens the page, waits for every selector to leave "loading", and compares. A page that never
// loaded, or whose elements never show a result, fails.
async function checkPage(url, expect, log, timeoutMs) {
  const context = await (await browser()).newContext();
  const page = await context.newPage();
  const problems = [];
  // An uncaught error on the page usually means the app never runs: stop waiting 3 s after one.
  let crashed;
  const crash = new Promise((r) => (crashed = r));
  page.on("pageerror", (error) => {
    problems.push(`page error: ${error.message.split("\n")[0]}`);
    setTimeout(crashed, 3000);
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text().split("\n")[0]} (${m.location()?.url ?? ""})`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const shown = {};
  try {
    log.write(`\nChromium: ${url}\n`);
    await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    const selectors = Object.keys(expect);
    await Promise.race([
      page
        .waitForFunction(
          (sels) => sels.every((s) => /^(RESULT|ERROR)\|/.test(document.querySelector(s)?.textContent ?? "")),
          selectors,
          { timeout: timeoutMs, polling: 200 },
        )
        .catch(() => {}),
      crash,
    ]);
    for (const s of selectors) shown[s] = await page.locator(s).first().textContent({ timeout: 1000 }).catch(() => null);
  } catch (error) {
    problems.unshift(`page did not load: ${error.message.split("\n")[0]}`);
  } finally {
    await context.close();
  }
  log.write(`shown: ${JSON.stringify(shown)}\n${problems.join("\n")}\n`);
  const wrong = Object.entries(expect).filter(([s, text]) => (text instanceof RegExp ? !text.test(shown[s] ?? "") : shown[s] !== text));
  if (wrong.length) {
    const what = wrong.map(([s]) => `${s} shows ${JSON.stringify(shown[s]?.slice(0, 300) ?? null)}`).join("; ");
    throw new Failure(what, problems.join("\n"));
  }
}

function serveDir(root) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = normalize(join(base, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(base)) return res.writeHead(403).end();
    try {
      const body = await readFile(path.endsWith("/") ? join(path, "index.html") : path);
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

// ---- one check ------------------------------------------------------------------------------

async function runCheck(check, log) {
  for (const d of check.clean ?? []) rmSync(join(here, check.dir, d), { recursive: true, force: true });
  let output = "";
  for (const step of check.steps ?? []) output = await runStep(check.dir, step.script, log);
  if (check.out) {
    const line = stripAnsi(output).split("\n").find((l) => l.startsWith("RESULT|") || l.startsWith("ERROR|"));
    const ok = (check.out instanceof RegExp ? check.out.test(output) : line === check.out) && (!check.also || check.also.test(output));
    if (!ok) throw new Failure(`printed ${JSON.stringify(line ?? output.trim().split("\n").pop() ?? "")}`, output);
    return;
  }
  if (check.serve) {
    const server = await serveDir(join(here, check.dir, check.serve));
    try {
      await checkPage(`http://127.0.0.1:${server.address().port}/index.html`, check.expect, log, 30_000);
    } finally {
      server.close();
    }
    return;
  }
  const port = await freePort();
  const port2 = await freePort();
  const args = check.dev.map((a) => a.replace("{port}", port).replace("{port2}", port2));
  const url = `http://127.0.0.1:${port}/`;
  const server = start(check.dir, args, log);
  try {
    await waitForHttp(url, server, 120_000);
    if (check.http) {
      const body = await (await fetch(url, { signal: AbortSignal.timeout(60_000) })).text();
      log.write(`\nGET ${url}: ${body}\n`);
      if (body !== check.http) throw new Failure(`answered ${JSON.stringify(body.slice(0, 300))}`, server.output);
    } else {
      // Dev servers compile on the first request: give the page longer.
      await checkPage(url, check.expect, log, 120_000);
    }
  } catch (error) {
    if (error instanceof Failure && error.output !== server.output) error.output = `${error.output}\n${server.output}`;
    throw error;
  } finally {
    await stop(server);
  }
}

// The lines of a failure's output most likely to say why.
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");

function cause(text) {
  const lines = stripAnsi(text ?? "").split("\n").map((l) => l.trimEnd()).filter(Boolean);
  const telling = lines.filter((l) => /error|fail|cannot|can't|unable|not (found|exported|supported|available)|denied|requires|top-level await|✘|✖/i.test(l));
  return (telling.length ? telling : lines).slice(0, 8).map((l) => `      ${l.slice(0, 400)}`);
}

// ---- ecosystem checks -----------------------------------------------------------------------

async function publint(log) {
  const output = await runTool(["publint", "run", "--strict", TARBALL], log);
  if (output.code !== 0) throw new Failure(`publint --strict exited with ${output.code}`, output.text);
}

async function attw(log, requireWorks) {
  const table = await runTool(["attw", "--format", "table-flipped", TARBALL], log);
  if (table.code === 0) return;
  const json = await runTool(["attw", "--format", "json", TARBALL], { write() {} });
  let kinds = [];
  try {
    kinds = [...new Set(JSON.parse(json.text).analysis.problems.map((p) => p.kind))];
  } catch {}
  const others = kinds.filter((k) => k !== "CJSResolvesToESM");
  if (others.length === 0 && kinds.length && requireWorks) {
    log.write("\nonly CJSResolvesToESM, and node-require passed: require(esm) works on the Node versions supported\n");
    return "CJSResolvesToESM accepted: node-require passed";
  }
  throw new Failure(`attw: ${kinds.join(", ") || `exit ${table.code}`}${kinds.includes("CJSResolvesToESM") && !requireWorks ? " (and node-require failed)" : ""}`, table.text);
}

function runTool(argv, log) {
  return new Promise((resolvePromise) => {
    log.write(`\n$ ${argv.join(" ")}\n`);
    const child = spawn(join(here, "node_modules/.bin", argv[0]), argv.slice(1), { cwd: here, env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    const take = (c) => {
      text += c;
      log.write(c);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("close", (code) => resolvePromise({ code, text }));
  });
}

// ---- the matrix -----------------------------------------------------------------------------

const wanted = process.argv.slice(2);
const selected = wanted.length ? checks.filter((c) => wanted.some((w) => c.name.startsWith(w))) : checks;
const version = JSON.parse(readFileSync(join(here, "node_modules/billing-account-form/package.json"), "utf8")).version;
console.log(`billing-account-form ${version} from ${TARBALL}; logs in ${LOG_DIR}`);

const results = [];
async function record(name, fn) {
  const log = createWriteStream(join(LOG_DIR, `${name.replace(/[^\w.-]+/g, "_")}.log`));
  const started = Date.now();
  let ok = true;
  let lines = [];
  let note = "";
  try {
    note = (await fn(log)) ?? "";
  } catch (error) {
    ok = false;
    lines = [`      ${error.message.split("\n")[0].slice(0, 400)}`, ...cause(error instanceof Failure ? error.output : error.stack)];
  }
  log.end();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${ok ? "ok  " : "FAIL"} ${name} (${seconds} s)${note ? `: ${note}` : ""}`);
  for (const l of lines) console.log(l);
  results.push({ name, ok });
  return ok;
}

for (const check of selected) await record(check.name, (log) => runCheck(check, log));
if (!wanted.length || wanted.some((w) => "publint".startsWith(w) || "attw".startsWith(w))) {
  const requireWorks = ["node-require", "node-20.19-require"].every((n) => results.find((r) => r.name === n)?.ok);
  await record("publint --strict", publint);
  await record("attw", (log) => attw(log, requireWorks));
}
if (browserPromise) await (await browserPromise).close();

const passed = results.filter((r) => r.ok).length;
console.log(`consumers: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);

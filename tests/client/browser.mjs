// The client suite (suite.mjs) in headless Chromium (Debian's, through playwright-core), on the
// built package in pkg/: a page on its own origin, so every call to the stand-in and the hostile
// server is cross-origin. Prints one line per test and `chromium: N passed, M failed`.
//   STANDIN_URL=… STANDIN_TOKEN=… STANDIN_CLOSED_URL=… HOSTILE_URL=… node tests/client/browser.mjs
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
// playwright-core as the browser tests install it (tests/e2e).
const { chromium } = createRequire(join(root, "tests/e2e/package.json"))("playwright-core");

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript" };
const PAGE = `<!doctype html><meta charset="utf-8"><title>client suite</title><script type="module">
import * as validation from "/pkg/index.js";
import * as client from "/pkg/client.js";
import * as glue from "/pkg/wasm-client/glue.js";
import { suite } from "/tests/client/suite.mjs";
window.run = async (env) => {
  await validation.ready;
  await client.listBillingAccounts({ token: "t" }, "").catch(() => {});
  window.tests = suite({ client, validation, glue, inBrowser: true, ...env });
  return window.tests.map((t) => t.name);
};
window.one = async (i) => {
  try {
    await window.tests[i].fn();
    return null;
  } catch (error) {
    return String(error?.stack ?? error);
  }
};
</script>`;
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path === "/") return res.writeHead(200, { "content-type": types[".html"] }).end(PAGE);
  const file = normalize(join(root, path));
  if (!(file.startsWith(join(root, "pkg")) || file.startsWith(here))) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.run === "function");
  const { STANDIN_URL, STANDIN_TOKEN, STANDIN_CLOSED_URL, HOSTILE_URL } = process.env;
  const names = await page.evaluate((env) => window.run(env), { STANDIN_URL, STANDIN_TOKEN, STANDIN_CLOSED_URL, HOSTILE_URL });
  for (const [i, name] of names.entries()) {
    const started = Date.now();
    const problem = await page.evaluate((i) => window.one(i), i);
    const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (problem === null) {
      passed++;
      console.log(`ok   ${name} (${took})`);
    } else {
      failed++;
      console.log(`FAIL ${name} (${took})\n${problem.replace(/^/gm, "      ")}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`chromium: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

// MSW's service worker serving createHandlers() to a page in headless Chromium (Debian's, through
// playwright-core): the page bundles msw/browser, the mock and the client with esbuild.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "browser", "dist");
const require = createRequire(import.meta.url);
let server;
let base;

before(async () => {
  mkdirSync(dist, { recursive: true });
  await build({ entryPoints: [join(here, "browser", "main.js")], outfile: join(dist, "main.js"), bundle: true, format: "esm", target: "es2022", logLevel: "warning" });
  copyFileSync(join(here, "browser", "index.html"), join(dist, "index.html"));
  copyFileSync(join(dirname(require.resolve("msw/package.json")), "lib", "mockServiceWorker.js"), join(dist, "mockServiceWorker.js"));
  const types = { ".html": "text/html", ".js": "text/javascript" };
  server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname.slice(1) || "index.html";
    if (!["index.html", "main.js", "mockServiceWorker.js"].includes(name)) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": types[extname(name)] }).end(readFileSync(join(dist, name)));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server?.close());

test("the service worker answers the package's client with the mock", async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => document.getElementById("out").textContent !== "loading", null, { timeout: 30_000 });
    const text = await page.textContent("#out");
    assert.ok(!text.startsWith("ERROR"), text);
    assert.deepEqual(JSON.parse(text), { name: "Acme", second: "conflict", listed: [true], gets: 2 });
  } finally {
    await browser.close();
  }
});

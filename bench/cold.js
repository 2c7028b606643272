// Cold start in headless Chromium: from the code's fetch completing to the first validation
// result (evaluate, compile and instantiate for ours, first call), one fresh browser context per
// load, libraries taking turns; the median of the loads. The code is each library's Vite build
// from bench/size.js (run it first). Prints JSON: { lib: ms }.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const LOADS = Number(process.env.BENCH_COLD_LOADS ?? 11);
import { slug } from "./size.js";
import { median } from "./median.js";

const LIBS = ["billing-account-form", "zod", "zod/mini", "valibot", "ajv"];
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

export async function coldStarts() {
  const server = createServer(async (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = await readFile(path);
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const times = Object.fromEntries(LIBS.map((l) => [l, []]));
  try {
    for (let load = 0; load < LOADS + 1; load++) {
      for (let k = 0; k < LIBS.length; k++) {
        const lib = LIBS[(load + k) % LIBS.length];
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${base}/bench/cold/page.html?lib=${slug(lib)}`);
        const result = await page.evaluate(() => window.coldStart);
        await context.close();
        if (result.error || !result.ok) throw new Error(`${lib}: ${JSON.stringify(result)}`);
        if (load > 0) times[lib].push(result.ms); // the first round warms the browser's disk cache of itself
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return Object.fromEntries(Object.entries(times).map(([l, t]) => [l, median(t)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await coldStarts()));
}

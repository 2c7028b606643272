// Serves a directory on 127.0.0.1, opens one page in headless Chromium and checks what it shows.
// Usage: node browser-check.mjs <root dir> <page path> <expected text>
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { extname, join, normalize, resolve } from "node:path";

const [root, page, expected] = process.argv.slice(2);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
};
const base = resolve(root);
const server = createServer(async (req, res) => {
  const path = normalize(join(base, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  if (!path.startsWith(base)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(path.endsWith("/") ? join(path, "index.html") : path);
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
server.listen(0, "127.0.0.1", () => {
  const url = `http://127.0.0.1:${server.address().port}/${page}`;
  const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--virtual-time-budget=10000",
    "--dump-dom",
    url,
  ];
  execFile(chromium, args, { timeout: 60_000 }, (error, stdout) => {
    server.close();
    const shown = /<pre id="out">([^<]*)<\/pre>/.exec(stdout)?.[1];
    console.log(`${url} shows: ${shown}`);
    if (error) console.error(error.message);
    if (shown !== expected) {
      console.error(`expected: ${expected}`);
      process.exit(1);
    }
  });
});

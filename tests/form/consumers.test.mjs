// <billing-account-form> in React 19, Vue and Svelte apps built by Vite, run in headless Chromium
// against the stand-in: the token reaches the element as a property, a create works, and the
// framework hears `change` and `saved`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { build } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { startServer, launchBrowser } from "../e2e/harness.mjs";

const HERE = import.meta.dirname;
const PKG = process.env.BAF_PKG_DIR ?? join(HERE, "../../pkg");
const OUT = join(HERE, "../../target/form-apps");

let api;
let browser;
before(async () => {
  api = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

/** Serves a built app's files (nothing else) on a free port. */
async function serve(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "") || "index.html";
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((d) => server.close(d)) };
}

for (const framework of ["react", "vue", "svelte"]) {
  test(`${framework}: the element mounts, creates an account, and the app hears change and saved`, async () => {
    const outDir = join(OUT, framework);
    await build({
      root: join(HERE, "apps", framework),
      logLevel: "warn",
      plugins: framework === "svelte" ? [svelte()] : [],
      esbuild: framework === "react" ? { jsx: "automatic" } : undefined,
      resolve: { alias: [{ find: /^billing-account-form\/element$/, replacement: join(PKG, "element.js") }] },
      build: { outDir, emptyOutDir: true },
    });
    const site = await serve(outDir);
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    if (process.env.DEBUG_FORM) page.on("console", (m) => console.log("console:", m.text()));
    try {
      await api.reset();
      await page.goto(`${site.url}/?api=${encodeURIComponent(api.url)}&token=${encodeURIComponent(api.token)}`);
      await page.waitForFunction(() => document.querySelector("billing-account-form")?.controller, null, { timeout: 15_000 });
      assert.equal(await page.locator("billing-account-form").getAttribute("token"), null, "the token is a property, not an attribute");
      await page.fill("#f-name", `${framework} Co`);
      await page.fill("#f-email", `${framework}@example.com`);
      await page.fill("#f-address-country", "");
      await page.click("#submit");
      if (process.env.DEBUG_FORM) {
        await page.waitForTimeout(2000);
        console.log(JSON.stringify(await page.evaluate(() => [window.__events, document.querySelector("billing-account-form").controller.getState().status])));
      }
      await page.waitForFunction(() => window.__events.some((e) => e.type === "saved"), null, { timeout: 15_000 });
      const events = await page.evaluate(() => window.__events);
      const saved = events.find((e) => e.type === "saved");
      assert.equal(saved.detail.created, true);
      assert.equal(saved.detail.account.name, `${framework} Co`);
      const changes = events.filter((e) => e.type === "change");
      assert.ok(changes.length >= 2, `${changes.length} change events`);
      assert.ok(changes.some((e) => e.detail.complete === true && e.detail.value.email === `${framework}@example.com`));
      assert.deepEqual((await api.accounts("ws_pooled")).map((a) => a.name), [`${framework} Co`]);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
      await site.close();
    }
  });
}

// The e2e harness: starts the stand-in (`devserver --port 0 --faults`), launches Debian's
// Chromium through playwright-core, and opens the sample page as a person would.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { before, after, beforeEach } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEVSERVER = process.env.DEVSERVER_BIN ?? join(ROOT, "target/debug/devserver");
const PKG = process.env.BAF_PKG_DIR ?? join(ROOT, "pkg");
const CHROMIUM = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "docs/screenshots");

/**
 * A running stand-in. `port` 0 picks a free one; pass the port and token of an earlier one to
 * bring the "same" server back after stopping it.
 */
export async function startServer({ port = 0, token } = {}) {
  const args = ["--port", String(port), "--faults", "--quiet", "--pkg", PKG];
  if (token) args.push("--token", token);
  const child = spawn(DEVSERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const banner = [];
  const lines = createInterface({ input: child.stdout });
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error("devserver did not start in 10 s: " + stderr)), 10_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`devserver exited (${code}) at start: ${banner.join("\n")} ${stderr}`));
    });
    lines.on("line", (line) => {
      banner.push(line);
      if (line.startsWith("devserver: accounts kept")) {
        clearTimeout(timer);
        done();
      }
    });
  });
  const find = (prefix) => {
    const line = banner.find((l) => l.startsWith(prefix));
    assert.ok(line, `no "${prefix}" in ${banner.join("\n")}`);
    return line.slice(prefix.length).trim();
  };
  const url = find("devserver: listening on ");
  // The test controls (/__faults, /__stats, /__reset) need the token.
  const control = { Authorization: "Bearer " + find("devserver: token ") };
  const server = {
    url,
    port: Number(new URL(url).port),
    token: find("devserver: token "),
    child,
    /** Stops the server and waits until its port is free again. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
    /** An API call with the server's token, as a test's own look behind the page. */
    async api(method, path, body) {
      const answer = await fetch(url + path, {
        method,
        headers: {
          Authorization: "Bearer " + server.token,
          Accept: "application/json",
          ...(body ? { "Content-Type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await answer.text();
      return { status: answer.status, body: text ? JSON.parse(text) : null };
    },
    async fault(description) {
      const answer = await fetch(url + "/__faults", { method: "POST", headers: control, body: JSON.stringify(description) });
      assert.equal(answer.status, 201, await answer.text());
    },
    async clearFaults() {
      const answer = await fetch(url + "/__faults", { method: "DELETE", headers: control });
      assert.equal(answer.status, 204);
    },
    async stats() {
      return (await fetch(url + "/__stats", { headers: control })).json();
    },
    async reset() {
      const answer = await fetch(url + "/__reset", { method: "POST", headers: control });
      assert.equal(answer.status, 204);
    },
    async accounts(workspace) {
      const { status, body } = await server.api("GET", `/workspaces/${workspace}/billing-accounts`);
      assert.equal(status, 200);
      return body.data;
    },
  };
  return server;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * One stand-in and one browser for a test file, the stand-in emptied before each test.
 * Read `suite.server` and `suite.browser` inside tests (they exist once `before` has run).
 */
export function standInSuite() {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  beforeEach(() => suite.server.reset());
  return suite;
}

/**
 * A fresh browser context (its own storage) with the page open and started. `problems` collects
 * what must never happen: uncaught errors, CSP violations, dialogs (an injected `alert`).
 */
export async function openPage(browser, server, { context: existing, path = "/" } = {}) {
  const context = existing ?? (await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: "en-US" }));
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push("page error: " + error.message));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push("CSP: " + m.text());
  });
  page.on("dialog", (dialog) => {
    problems.push("dialog: " + dialog.message());
    void dialog.dismiss();
  });
  await page.goto(server.url + path);
  await ready(page);
  return { context, page, problems };
}

/** Waits until the page has loaded the package, the element has started its form, and the page
 * has configured it from its settings (after which a test may change its attributes). */
export async function ready(page) {
  await page.waitForFunction(() => document.querySelector("billing-account-form")?.controller, null, { timeout: 15_000 });
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 15_000 });
}

/** The id of the focused element, looking into the element's shadow root. */
export function focusedId(page) {
  return page.evaluate(() => {
    let node = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    return node?.id ?? null;
  });
}

/** Fills a create form; `values` by dotted path, selects by option value. */
export async function fillForm(page, values) {
  for (const [path, value] of Object.entries(values)) {
    const id = "#f-" + path.replace(/\./g, "-");
    const tag = await page.locator(id).evaluate((node) => node.tagName);
    if (tag === "SELECT") await page.selectOption(id, value);
    else await page.fill(id, value);
  }
}

export const field = (path) => "#f-" + path.replace(/\./g, "-");

/**
 * Saves a full-page screenshot into docs/screenshots/ (committed, shown by README). The file is
 * rewritten only when the picture changed beyond a few pixels of anti-aliasing, so a test run
 * leaves the work tree clean.
 */
export async function saveScreenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  const taken = await page.screenshot({ fullPage: true, animations: "disabled", caret: "hide" });
  if (existsSync(path)) {
    const before = readFileSync(path);
    if (before.equals(taken) || (await differingPixels(page, before, taken)) <= 16) return path;
  }
  writeFileSync(path, taken);
  return path;
}

/** How many pixels two PNGs differ in (Infinity for different sizes), decoded by the browser. */
async function differingPixels(page, a, b) {
  const scratch = await page.context().newPage();
  try {
    const urls = [a, b].map((png) => "data:image/png;base64," + png.toString("base64"));
    return await scratch.evaluate(async ([ua, ub]) => {
      const load = (src) =>
        new Promise((done, fail) => {
          const img = new Image();
          img.onload = () => done(img);
          img.onerror = fail;
          img.src = src;
        });
      const [ia, ib] = [await load(ua), await load(ub)];
      if (ia.width !== ib.width || ia.height !== ib.height) return Infinity;
      const pixels = (img) => {
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext("2d");
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = [pixels(ia), pixels(ib)];
      let n = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) n++;
      }
      return n;
    }, urls);
  } finally {
    await scratch.close();
  }
}

/** The account's field values the form holds (a country as its code), read from its controller. */
export async function formValues(page) {
  return page.evaluate(() => {
    const { fields } = document.querySelector("billing-account-form").controller.getState();
    return Object.fromEntries(Object.entries(fields).map(([path, f]) => [path, f.value]));
  });
}

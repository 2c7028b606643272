// `billing-account-form stand-in`'s own options: --data across restarts, --page, --token, the
// test controls only with --faults, and no file outside the package served.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const BIN = join(dirname(require.resolve("billing-account-form/package.json")), "stand-in.js");

async function standIn(args) {
  const child = spawn(process.execPath, [BIN, "stand-in", "--port", "0", "--quiet", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const url = await new Promise((ok, fail) => {
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening on (http:\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.on("exit", (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
  await new Promise((r) => setTimeout(r, 50));
  const token = /token (\S+)/.exec(out)[1];
  const stop = () => new Promise((r) => (child.once("exit", r), child.kill()));
  return { url, token, out, stop };
}

test("--data keeps accounts across restarts", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "standin-")), "accounts.json");
  const first = await standIn(["--data", file, "--token", "t1"]);
  const created = await fetch(`${first.url}/workspaces/ws_pooled/billing-accounts`, {
    method: "POST",
    headers: { Authorization: "Bearer t1", "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Kept", email: "kept@acme.com" }),
  }).then((r) => r.json());
  await first.stop();
  assert.equal(JSON.parse(readFileSync(file, "utf8")).accounts[0].id, created.id);
  const second = await standIn(["--data", file, "--token", "t1"]);
  assert.match(second.out, /ws_pooled \(pooled, 1 of 10\)/);
  const list = await fetch(`${second.url}/workspaces/ws_pooled/billing-accounts`, { headers: { Authorization: "Bearer t1" } }).then((r) => r.json());
  assert.deepEqual(list.data, [created]);
  await second.stop();
});

test("--page serves the sample page, its settings and the package; nothing outside", async () => {
  const s = await standIn(["--page"]);
  try {
    const page = await fetch(`${s.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type"), /^text\/html/);
    assert.match(page.headers.get("content-security-policy"), /'wasm-unsafe-eval'/);
    const config = await fetch(`${s.url}/config.json`).then((r) => r.json());
    assert.equal(config.token, s.token);
    assert.equal(config.baseUrl, s.url);
    assert.equal(config.workspaceId, "ws_pooled");
    assert.equal((await fetch(`${s.url}/pkg/index.js`)).status, 200);
    for (const path of ["/pkg/%2e%2e/%2e%2e/package.json", "/..%2f..%2fpackage.json", "/pkg/..%5cpackage.json", "/nothere.html"]) {
      assert.equal((await fetch(`${s.url}${path}`)).status, 404, path);
    }
    assert.equal((await fetch(`${s.url}/__stats`, { headers: { Authorization: `Bearer ${s.token}` } })).status, 404); // no --faults
  } finally {
    await s.stop();
  }
});

test("without --page only the API answers; bad options are refused", async () => {
  const s = await standIn(["--token", "t2"]);
  try {
    assert.equal((await fetch(`${s.url}/`)).status, 404);
    assert.equal((await fetch(`${s.url}/workspaces/ws_single/billing-accounts`, { headers: { Authorization: "Bearer t2" } })).status, 200);
  } finally {
    await s.stop();
  }
  for (const args of [["--port", "x"], ["--token", "a b"], ["--nope"]]) {
    await assert.rejects(standIn(args), /exited 2/);
  }
});

// README's "The form controller" example, run with node against the stand-in, the package's
// specifier pointed at pkg/ (the packed package is checked by scripts/test-npm).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { startServer } from "../e2e/harness.mjs";

const PKG = process.env.BAF_PKG_DIR ?? join(import.meta.dirname, "../../pkg");
const README = process.env.README ?? join(import.meta.dirname, "../../README.md");

test("README: the form controller example runs", async () => {
  const text = readFileSync(README, "utf8");
  const section = text.split(/^## /m).find((s) => s.startsWith("The form controller"));
  assert.ok(section, "no '## The form controller' section");
  const code = section.match(/```js\n([\s\S]*?)```/)?.[1];
  assert.ok(code, "no js block under 'The form controller'");
  const dir = join(import.meta.dirname, "../../target/form-readme");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "readme-form.mjs");
  writeFileSync(file, code.replace(/"billing-account-form\/form"/g, JSON.stringify(pathToFileURL(join(PKG, "form.js")).href)));
  const server = await startServer();
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      env: { ...process.env, API_BASE_URL: server.url, API_TOKEN: server.token },
    });
    assert.match(stdout, /form controller: ok/);
  } finally {
    await server.stop();
  }
});

// The exact path natively (examples/exact_path.rs), on the per-call bench's bodies: what the
// rules cost with no JavaScript walk, no crossing and no result objects. A measurement, not a test.
//   node bench/native.js
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { perCallPools } from "./payloads.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "exact-path-"));
try {
  const files = Object.entries(perCallPools(1000)).map(([kind, pool]) => {
    const file = join(dir, `${kind}.jsonl`);
    writeFileSync(file, pool.map((b) => JSON.stringify(b)).join("\n"));
    return file;
  });
  execFileSync("cargo", ["run", "-q", "--release", "--example", "exact_path", "--", ...files], { cwd: root, stdio: "inherit" });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

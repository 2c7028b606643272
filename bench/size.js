// Size as a user measures it: a Vite production build of an app that imports the library and
// validates one body, every file of the build (JavaScript chunks and any .wasm asset) gzip -9.
//   billing-account-form          `import { validateCreate, ready } from "billing-account-form"`
//   billing-account-form + client the same plus `billing-account-form/client` (its lazily
//                                 loaded chunk included); the difference is what the client adds
//   zod, zod/mini, valibot, ajv   their schema of the same rules (bench/schemas/)
// Prints JSON: { lib: { raw, gzip, files } }. Writes each build to .build/<lib>/ and its entry
// chunk to .build/<lib>.js (the cold-start page loads those).
import { build } from "vite";
import { mkdirSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, ".build");
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const BODY = `{ name: "Acme Ltd", email: "billing@acme.com", currency: "eur", address: { country: "ZA", city: "Cape Town" } }`;
// Each app exports one `start()` that resolves to a validate function, so the cold-start page can
// time the same thing for every library (for ours, `ready` is part of starting).
const APPS = {
  "billing-account-form": `import { validateCreate, ready } from "billing-account-form";
export const start = () => ready.then(() => (b) => validateCreate(b));`,
  "billing-account-form + client": `import { validateCreate, ready } from "billing-account-form";
import { createBillingAccount } from "billing-account-form/client";
export const start = () => ready.then(() => (b) => validateCreate(b));
export const create = (config, body) => createBillingAccount(config, "ws_1", body);`,
  zod: `import { validateCreate } from "../../schemas/zod.js"; export const start = async () => validateCreate;`,
  "zod/mini": `import { validateCreate } from "../../schemas/zod-mini.js"; export const start = async () => validateCreate;`,
  valibot: `import { validateCreate } from "../../schemas/valibot.js"; export const start = async () => validateCreate;`,
  ajv: `import { validateCreate } from "../../schemas/ajv.js"; export const start = async () => validateCreate;`,
};

/** The directory name of a library's build. */
export const slug = (lib) => lib.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "");

export async function sizes() {
  mkdirSync(out, { recursive: true });
  // The package as an app installs it: `billing-account-form` resolves to pkg/ through node_modules.
  const modules = join(out, "node_modules");
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(modules, { recursive: true });
  symlinkSync(resolve(here, "..", "pkg"), join(modules, "billing-account-form"), "dir");
  const result = {};
  for (const [lib, code] of Object.entries(APPS)) {
    const root = join(out, slug(lib));
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    // The entry exports `start`, so nothing is shaken out; the page calls it with BODY.
    writeFileSync(join(root, "app.js"), `${code}\nexport const body = ${BODY};\n`);
    const output = await build({
      root,
      logLevel: "silent",
      configFile: false,
      build: {
        outDir: join(root, "dist"),
        emptyOutDir: true,
        target: "es2022",
        lib: { entry: join(root, "app.js"), formats: ["es"], fileName: "app" },
        // Vite's production defaults otherwise: minified, wasm files emitted as assets.
        minify: true,
      },
    });
    const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
    const bytes = files.map((f) => Buffer.from(f.type === "chunk" ? f.code : f.source));
    result[lib] = {
      raw: bytes.reduce((n, b) => n + b.length, 0),
      gzip: bytes.reduce((n, b) => n + gz(b), 0),
      files: files.map((f) => f.fileName),
    };
    copyFileSync(join(root, "dist", "app.js"), join(out, `${slug(lib)}.js`));
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await sizes(), null, 1));
}

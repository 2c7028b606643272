// scripts/build-pkg: what each entry adds to a browser bundle (esbuild, minified, gzip -9), for
// `import { validateCreate } from "billing-account-form"` and for the client on top of it.
//   node scripts/pkg-size.mjs PKG_DIR
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { build } from "esbuild";

const dir = resolve(process.argv[2]);
const gz = (f) => gzipSync(f.contents, { level: 9 }).length;
async function bundled(code, splitting = false) {
  const out = await build({
    stdin: { contents: code, resolveDir: dir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting,
    outdir: "out",
    metafile: true,
    write: false,
    logLevel: "error",
  });
  if (!splitting) return out.outputFiles.reduce((n, f) => n + gz(f), 0);
  // The chunk holding fflate's inflater: a browser with DecompressionStream never fetches it.
  const meta = Object.entries(out.metafile.outputs).find(([, o]) => Object.keys(o.inputs).some((i) => i.endsWith("inflater.js")));
  const file = meta && out.outputFiles.find((f) => f.path === resolve(meta[0]));
  return file ? gz(file) : 0;
}
const validation = await bundled(`import { validateCreate, ready } from "./index.js"; await ready; console.log(validateCreate({}));`);
const both = await bundled(
  `import { validateCreate, ready } from "./index.js"; import { createBillingAccount } from "./client.js"; await ready; console.log(validateCreate({}), createBillingAccount);`,
);
console.log(`validation entry, first load: ${validation} bytes gzip -9`);
const fallback = await bundled(
  `import { createBillingAccount } from "./client.js"; console.log(createBillingAccount);`,
  true,
);
console.log(`client entry, on top: ${both - validation} bytes gzip -9`);
console.log(
  `  of which the inflater where DecompressionStream is missing, a chunk of its own where the bundler splits: ${fallback} bytes gzip -9`,
);
// The controller and the element are entries of their own: the main entry's first load does not grow.
const form = await bundled(
  `import { createBillingAccountForm } from "./form.js"; console.log(createBillingAccountForm);`,
);
const element = await bundled(`import "./element.js";`);
console.log(`form entry (controller), on top of both: ${form - both} bytes gzip -9`);
console.log(`element entry, on top of the controller: ${element - form} bytes gzip -9`);

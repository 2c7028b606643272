// scripts/build-pkg: the CommonJS twins of the entries (esbuild), their types, and package.json.
//   node scripts/pkg-entries.mjs PKG_DIR VERSION
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const [dir, version] = process.argv.slice(2);

// `require` gets one file per entry, everything inlined but the validation entry, which the
// client's twin requires (so both share one started module, as the ESM entries do).
const sharedValidation = {
  name: "shared-validation",
  setup(b) {
    b.onResolve({ filter: /^\.\/index\.js$/ }, () => ({ path: "./index.cjs", external: true }));
  },
};
// The controller's twin requires both (one started module each, shared with the other entries).
const sharedEntries = {
  name: "shared-entries",
  setup(b) {
    b.onResolve({ filter: /^\.\/(index|client)\.js$/ }, (args) => ({ path: args.path.replace(/\.js$/, ".cjs"), external: true }));
  },
};
for (const [entry, plugins] of [
  ["index", []],
  ["client", [sharedValidation]],
  ["form", [sharedEntries]],
  ["mock", [sharedValidation]],
]) {
  await build({
    entryPoints: [join(dir, `${entry}.js`)],
    outfile: join(dir, `${entry}.cjs`),
    bundle: true,
    format: "cjs",
    platform: "neutral",
    target: "es2020",
    plugins,
    external: ["msw"],
    logLevel: "warning",
  });
  copyFileSync(join(dir, `${entry}.d.ts`), join(dir, `${entry}.d.cts`));
}

const entry = (name, workerd) => ({
  import: { types: `./${name}.d.ts`, workerd: `./${workerd}.js`, default: `./${name}.js` },
  require: { types: `./${name}.d.cts`, default: `./${name}.cjs` },
});
const pkg = {
  name: "billing-account-form",
  version,
  description:
    "Billing-account form validation that agrees with the server, an API client, generated TypeScript types and Standard Schema.",
  license: "MIT",
  type: "module",
  // The entries start the wasm module when imported: a bundler must keep them.
  sideEffects: ["./index.js", "./index.cjs", "./workerd.js", "./client.js", "./client.cjs", "./client-workerd.js", "./element.js"],
  main: "./index.cjs",
  module: "./index.js",
  types: "./index.d.ts",
  exports: {
    ".": entry("index", "workerd"),
    "./client": entry("client", "client-workerd"),
    "./form": {
      import: { types: "./form.d.ts", default: "./form.js" },
      require: { types: "./form.d.cts", default: "./form.cjs" },
    },
    // ESM only: a custom element is for browsers, which import.
    "./element": { types: "./element.d.ts", default: "./element.js" },
    "./mock": {
      import: { types: "./mock.d.ts", default: "./mock.js" },
      require: { types: "./mock.d.cts", default: "./mock.cjs" },
    },
    "./openapi.json": "./openapi.json",
    "./package.json": "./package.json",
  },
  files: ["*.js", "*.cjs", "*.d.ts", "*.d.cts", "wasm-validation/", "wasm-client/", "openapi.json", "www/", "README.md", "LICENSE"],
  // `npx billing-account-form stand-in`: the stand-in API in Node (js/stand-in.js).
  bin: { "billing-account-form": "./stand-in.js" },
  // The client's inflater where the runtime has no DecompressionStream (js/inflate.js), imported
  // only there. Keep the range in step with the root package.json's.
  dependencies: { fflate: "^0.8.3" },
  // Only `billing-account-form/mock` needs it, and uses the application's own copy.
  peerDependencies: { msw: "^2.0.0" },
  peerDependenciesMeta: { msw: { optional: true } },
  engines: { node: ">=20.19" },
  keywords: ["billing", "validation", "wasm", "standard-schema", "form"],
  repository: { type: "git", url: "git+https://example.invalid/billing-account-form.git" },
};
writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");

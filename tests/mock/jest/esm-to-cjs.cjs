// Jest (CommonJS) meets msw 2.11+, whose CommonJS build requires ESM-only files (`.mjs` of
// rettime, until-async, @open-draft/deferred-promise): Node 20's require cannot load them, so Jest
// compiles those to CommonJS, the way a team's babel-jest would. esbuild does it here.
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: "cjs", loader: "js", sourcemap: true, sourcefile: filename, target: "node20" });
    return { code, map };
  },
};

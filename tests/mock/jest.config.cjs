// Jest as a team on Node 20 runs it with msw 2: CommonJS, with the ESM-only files msw's CommonJS
// build requires (`.mjs` files, and until-async's `.js`) compiled to CommonJS.
module.exports = {
  testMatch: ["<rootDir>/jest/**/*.test.cjs"],
  testEnvironment: "node",
  transform: { "(\\.mjs|/until-async/.+\\.js)$": "<rootDir>/jest/esm-to-cjs.cjs" },
  transformIgnorePatterns: ["/node_modules/(?!(.+\\.mjs|until-async/.+)$)"],
};

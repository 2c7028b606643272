export default { test: { include: ["vitest/**/*.test.js"], environment: "node" } };

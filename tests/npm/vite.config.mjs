// Builds the small app in vite/ into vite/dist, as a consumer's production build would.
import { defineConfig } from "vite";

export default defineConfig({
  root: "vite",
  logLevel: "warn",
  build: { outDir: "dist", emptyOutDir: true },
});

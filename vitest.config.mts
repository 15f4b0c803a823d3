import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": new URL("./", import.meta.url).pathname } },
  test: {
    include: ["{app,components,core,lib,cli,scripts,scenario-src,test,render3d}/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});

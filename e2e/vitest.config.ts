import { defineConfig } from "vitest/config";

/**
 * Browser tests: one file at a time (each starts its own server and Chromium processes); the server and the
 * client are built once, by the global setup. Each test's own waits are what it asserts on.
 */
export default defineConfig({
  test: {
    include: ["tests/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["./src/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

import { defineConfig } from "vitest/config";

/**
 * Browser tests: one file at a time (each starts its own server and Chromium processes), generous timeouts
 * for the builds in beforeAll; each test's own waits are what it asserts on.
 */
export default defineConfig({
  test: {
    include: ["tests/**/*.e2e.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: false }] },
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/../scripts/jest-count-reporter.js"],
};

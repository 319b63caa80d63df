/**
 * Client tests on jest (the project stack), transformed by @swc/jest (TypeScript + JSX, no type check: `pnpm
 * typecheck` does that). Pure tests run in node; component tests ask for jsdom with a `@jest-environment jsdom`
 * docblock.
 * @type {import("jest").Config}
 */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          target: "es2022",
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  // Packages published as ES modules only are compiled too (jest runs CommonJS).
  transformIgnorePatterns: ["/node_modules/(?!.pnpm|(@rc-component|rc-[\\w-]+|antd|@ant-design)/)"],
  setupFilesAfterEnv: ["<rootDir>/src/test/setup.ts"],
  clearMocks: true,
};

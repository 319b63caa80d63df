/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see below */
// Test-only: reads a file of the monorepo (the committed schema, the server's error codes) as text. CommonJS so
// that the client's TypeScript, which has no Node types, needs only the declaration beside it.
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..", "..");

module.exports = {
  readRepoFile: (relative) => fs.readFileSync(path.join(ROOT, relative), "utf8"),
};

#!/usr/bin/env node
/**
 * Runs every package's tests (server and client: jest, e2e: vitest), keeps going when one fails, and prints the total
 * over all suites as the last line: `N passed, N failed, N skipped`. Exits non-zero when anything failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });

const suites = [
  {
    name: "server",
    cwd: "server",
    cmd: [
      "pnpm",
      "exec",
      "jest",
      "--runInBand",
      "--json",
      `--outputFile=${path.join(results, "server.json")}`,
    ],
  },
  {
    // jest + Testing Library: pure tests in node, component tests in jsdom.
    name: "client",
    cwd: "client",
    cmd: ["pnpm", "exec", "jest", "--json", `--outputFile=${path.join(results, "client.json")}`],
  },
  {
    // Builds the server and the client, starts them on a fresh SQLite database and drives Debian's Chromium;
    // skipped (with the reason) where /usr/bin/chromium is missing, a failure under REQUIRE_SERVICES=1.
    name: "e2e",
    cwd: "e2e",
    cmd: [
      "pnpm",
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(results, "e2e.json")}`,
    ],
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
for (const suite of suites) {
  const cwd = path.join(root, suite.cwd);
  if (!fs.existsSync(path.join(cwd, "package.json"))) continue;
  const out = path.join(results, `${suite.name}.json`);
  fs.rmSync(out, { force: true });
  console.log(`\n=== ${suite.name}: ${suite.cmd.join(" ")}`);
  const run = spawnSync(suite.cmd[0], suite.cmd.slice(1), { cwd, stdio: "inherit", env: process.env });
  if (run.status !== 0) exitCode = 1;
  if (!fs.existsSync(out)) {
    console.error(`${suite.name}: the runner wrote no results (exit ${run.status}); counted as one failure.`);
    totals.failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  totals.failed += failed;
  if (run.status !== 0 && failed === 0) {
    // A failed beforeAll (e.g. the e2e build) fails the run but leaves its tests "skipped": say so in the total.
    console.error(
      `${suite.name}: the runner exited ${run.status} without a failed test; counted as one failure.`,
    );
    totals.failed += 1;
  }
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(
    `${suite.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
  );
}
if (totals.failed > 0) exitCode = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);

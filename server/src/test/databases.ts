import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { loadConfig, type Config } from "../config";

/**
 * The databases integration tests run against: the embedded SQLite always, MariaDB/MySQL when reachable at
 * TEST_MYSQL_URL (default mariadb://root@127.0.0.1:3306/test; use mysql:// for MySQL). With REQUIRE_SERVICES=1 (as `.ci/run` sets it)
 * an unreachable MariaDB fails the run instead of skipping.
 */
export const MYSQL_URL = process.env.TEST_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306/test";
/** mysql2 itself only knows the mysql: scheme. */
const DRIVER_URL = MYSQL_URL.replace(/^mariadb:/, "mysql:");
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === "1";

export interface TestDatabase {
  dialect: "sqlite" | "mysql";
  config: Config;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: "sqlite" | "mysql"): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "at-test-"));
    return {
      dialect,
      config: loadConfig(
        {},
        { DATA_DIR: dir, SQLITE_FILE: "test.sqlite", PORT: 0, HOST: "127.0.0.1", CLIENT_DIST: "" },
      ),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `at_test_${randomBytes(5).toString("hex")}`;
  const admin = await mysql.createConnection({ uri: DRIVER_URL });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    config: loadConfig({}, { DATABASE_URL: url.toString(), PORT: 0, HOST: "127.0.0.1", CLIENT_DIST: "" }),
    drop: async () => {
      const c = await mysql.createConnection({ uri: DRIVER_URL });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/**
 * `describe` once per available database. A missing MariaDB is reported as a skip with its reason, or as a
 * failure under REQUIRE_SERVICES=1; SQLite always runs.
 */
export function describeEachDatabase(title: string, body: (dialect: "sqlite" | "mysql") => void): void {
  describe(`${title} [sqlite]`, () => body("sqlite"));
  describeIfAvailable(`${title} [mysql]`, mysqlReasonSync(), () => body("mysql"));
}

/**
 * Runs `body` when `reason` is null. Otherwise the suite is reported as skipped with the reason, or, under
 * REQUIRE_SERVICES=1 (CI), fails with it.
 */
function describeIfAvailable(title: string, reason: string | null, body: () => void): void {
  if (reason && !REQUIRE_SERVICES) {
    console.warn(`SKIPPED "${title}": ${reason}`);
    describe.skip(`${title} (skipped: ${reason})`, body);
    return;
  }
  describe(title, () => {
    if (reason) {
      it("needs its services (REQUIRE_SERVICES=1)", () => {
        throw new Error(reason);
      });
      return;
    }
    body();
  });
}

/** Jest collects tests synchronously, so availability is probed once, synchronously, in a child process. */
function mysqlReasonSync(): string | null {
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const script = `require("mysql2/promise").createConnection({ uri: ${JSON.stringify(DRIVER_URL)}, connectTimeout: 3000 })
    .then(c => c.query("SELECT 1").then(() => c.end())).then(() => process.exit(0), e => { console.log(e.message); process.exit(1); })`;
  const result = spawnSync(process.execPath, ["-e", script], {
    cwd: __dirname,
    encoding: "utf8",
    timeout: 10000,
  });
  return result.status === 0
    ? null
    : `MariaDB/MySQL not reachable at ${MYSQL_URL}: ${(result.stdout || result.stderr || "timeout").trim()}`;
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Null when Redis answers PING; otherwise why not (probed synchronously, like MariaDB). */
export function redisUnavailableReason(): string | null {
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const script = `const R = require("ioredis"); const r = new R(${JSON.stringify(REDIS_URL)}, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.connect().then(() => r.ping()).then(() => { r.disconnect(); process.exit(0); }, (e) => { console.log(e.message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ["-e", script], {
    cwd: __dirname,
    encoding: "utf8",
    timeout: 10000,
  });
  return result.status === 0
    ? null
    : `Redis not reachable at ${REDIS_URL}: ${(result.stdout || result.stderr || "timeout").trim()}`;
}

/** `describe` that needs MariaDB and Redis both. */
export function describeWithServices(title: string, body: () => void): void {
  describeIfAvailable(title, mysqlReasonSync() ?? redisUnavailableReason(), body);
}

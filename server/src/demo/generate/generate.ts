import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import type { DataSource } from "typeorm";
import { loadConfig, type Config } from "../../config";
import { createDataSource, dialectOf, type Dialect } from "../../db/data-source";
import { migrate } from "../../db/migrate";
import type { BulkWriter } from "./bulk-writer";
import { buildCity } from "./city.builder";
import { writeEventLog } from "./event-log";
import { MysqlBulkWriter, driverUrl } from "./mysql-bulk-writer";
import { deferSecondaryIndexes, restoreIndexes, type DeferredIndexes } from "./mysql-indexes";
import { buildNational } from "./national.builder";
import { COUNTRY_SCALES, DEFAULT_SEED, type ScaleName } from "./scales";
import { SqliteBulkWriter } from "./sqlite-bulk-writer";
import { GENERATED_AT, tableSpecs, type TableKey } from "./table-spec";
import type { PledgeStore } from "./pledge-store";
import type { Row } from "./table-spec";
import type { GeneratedUser } from "./users";
import { writeUsers } from "./users";

export interface GenerateOptions {
  scale: ScaleName;
  seed?: number;
  /** mysql://… or mariadb://…; otherwise `sqliteFile`; otherwise the configured database (env). */
  databaseUrl?: string;
  sqliteFile?: string;
  /** Drop and recreate the target database (MySQL) or delete the file (SQLite) first. */
  reset?: boolean;
  log?: (line: string) => void;
  /** Seconds between progress lines; 0 for none. */
  progressSeconds?: number;
}

export interface GenerateReport {
  scale: ScaleName;
  seed: number;
  dialect: Dialect;
  target: string;
  elapsedMs: number;
  /** Rows in each table after loading, counted in the database. */
  counts: Record<string, number>;
  counters: "rebuilt" | "absent";
}

/** The configuration of the target database, from the options or else the environment. */
export function targetConfig(options: Pick<GenerateOptions, "databaseUrl" | "sqliteFile">): Config {
  if (options.databaseUrl) return loadConfig({ ...process.env, DATABASE_URL: options.databaseUrl });
  if (options.sqliteFile) {
    const file = path.resolve(options.sqliteFile);
    return loadConfig(
      { ...process.env, DATABASE_URL: "" },
      { DATA_DIR: path.dirname(file), SQLITE_FILE: path.basename(file) },
    );
  }
  return loadConfig();
}

function describeTarget(config: Config): string {
  if (dialectOf(config) === "sqlite") return path.join(config.DATA_DIR, config.SQLITE_FILE);
  const url = new URL(config.DATABASE_URL.replace(/^mariadb:/, "mysql:"));
  url.password = "";
  return config.DATABASE_URL.replace(/:\/\/[^@]*@/, `://${url.username}@`);
}

/** Creates the MySQL database when missing (utf8mb4); with `reset`, drops it first. Deletes the SQLite file on reset. */
async function prepareTarget(config: Config, reset: boolean): Promise<void> {
  if (dialectOf(config) === "sqlite") {
    if (reset && config.SQLITE_FILE !== ":memory:") {
      for (const suffix of ["", "-wal", "-shm"])
        fs.rmSync(path.join(config.DATA_DIR, config.SQLITE_FILE + suffix), { force: true });
    }
    return;
  }
  const url = new URL(driverUrl(config.DATABASE_URL));
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!name) throw new Error("The database URL names no database.");
  url.pathname = "/";
  const admin = await mysql.createConnection({ uri: url.toString() });
  try {
    if (reset) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
}

/** Calls the counters engineer's rebuild when that module is there (server/src/features/counters). */
async function rebuildCountersIfPresent(db: DataSource): Promise<"rebuilt" | "absent"> {
  let resolved: string;
  try {
    resolved = require.resolve(path.join(__dirname, "..", "..", "features", "counters", "counters.rebuild"));
  } catch {
    return "absent";
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(resolved) as { rebuildCounters?: (db: DataSource) => Promise<unknown> };
  if (typeof module.rebuildCounters !== "function") return "absent";
  await module.rebuildCounters(db);
  return "rebuilt";
}

/** The big tables whose non-unique indexes are built after the load on MySQL/MariaDB (largest first). */
const DEFERRED_INDEX_TABLES = [
  "event",
  "pledge",
  "visit",
  "assignment",
  "ntm_criterion_status",
  "position",
  "member",
];

const COUNTED_TABLES = [
  "org_unit",
  "term",
  "member",
  "position",
  "directive",
  "assignment",
  "pledge",
  "visit",
  "ntm_criterion",
  "ntm_criterion_status",
  "ntm_recognition",
  "evaluation",
  "unit_evaluation",
  "delegation",
  "delegation_member",
  "concern",
  "event",
  "app_user",
];

async function countRows(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const rows = (await db.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
    counts[table] = Number(rows[0].n);
  }
  return counts;
}

const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
};

/**
 * Migrates the target database, then loads a generated dataset into it with bulk inserts: `city` (the Cần Thơ
 * demo), `tiny` or `national` (a generated country). Deterministic: the same scale and seed give the same rows.
 * The database must be empty (or `reset`). On MySQL the big tables' non-unique indexes are built after the
 * load, in one sorted pass each, instead of row by row.
 */
export async function generate(options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const config = targetConfig(options);
  const dialect = dialectOf(config);
  const target = describeTarget(config);
  await prepareTarget(config, options.reset ?? false);
  const db = createDataSource(config);
  await db.initialize();
  let writer: BulkWriter | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const applied = await migrate(db);
    log(
      `${dialect} ${target}: ${applied.length ? `applied ${applied.length} migrations` : "schema up to date"}`,
    );
    const existing = (await db.query("SELECT COUNT(*) AS n FROM org_unit")) as { n: number | string }[];
    if (Number(existing[0].n) > 0)
      throw new Error(`${target} already has data; use --reset to drop it and load again.`);

    const specs = tableSpecs(db);
    writer =
      dialect === "mysql"
        ? await MysqlBulkWriter.open(config.DATABASE_URL, specs)
        : SqliteBulkWriter.forDataSource(db, specs);
    const deferred: DeferredIndexes[] = [];
    if (writer instanceof MysqlBulkWriter)
      for (const table of DEFERRED_INDEX_TABLES) {
        const dropped = await deferSecondaryIndexes(writer, table);
        if (dropped) deferred.push(dropped);
      }

    let phase = "structure";
    const w = writer;
    if (options.progressSeconds !== 0) {
      timer = setInterval(
        () => {
          const parts = (["orgUnits", "members", "assignments", "pledges", "visits", "events"] as TableKey[])
            .map((k) => `${k} ${(w.written.get(k) ?? 0).toLocaleString("en")}`)
            .join(", ");
          log(`  ${duration(Date.now() - started)} ${phase}: ${parts}`);
        },
        (options.progressSeconds ?? 10) * 1000,
      );
      timer.unref();
    }

    let built: {
      rootId: number;
      paths: string[];
      pledges: PledgeStore;
      concerns: Row[];
      users: GeneratedUser[];
    };
    if (options.scale === "city") {
      built = await buildCity(writer, seed);
    } else {
      const scale = COUNTRY_SCALES[options.scale];
      const national = await buildNational(writer, scale, seed, (done) => {
        phase = `provinces ${done}/${scale.provinces}`;
      });
      built = { ...national.context, rootId: national.root.id, users: national.users };
    }
    log(`  ${duration(Date.now() - started)} rows built; ${built.pledges.size.toLocaleString("en")} pledges`);
    await writeUsers(writer, built.users);
    phase = "event log";
    const summary = {
      pledges: built.pledges.size,
      concerns: built.concerns.length,
      users: built.users.length,
    };
    await writeEventLog(writer, {
      pledges: built.pledges,
      concerns: built.concerns,
      pathOf: (id) => built.paths[id],
      closing: {
        unitId: built.rootId,
        at: GENERATED_AT,
        after: { generated: true, scale: options.scale, seed, ...summary },
      },
    });
    phase = "last batches";
    await writer.finish();
    if (deferred.length > 0 && writer instanceof MysqlBulkWriter) {
      phase = "indexes";
      log(
        `  ${duration(Date.now() - started)} building the indexes of ${deferred.map((d) => d.table).join(", ")}`,
      );
      await restoreIndexes(writer, deferred);
    }
  } catch (error) {
    if (error instanceof Error && dialect === "mysql" && !/already has data/.test(error.message))
      error.message += " (the database is incomplete: run again with --reset)";
    throw error;
  } finally {
    clearInterval(timer);
    await writer?.close();
  }
  try {
    const counters = await rebuildCountersIfPresent(db);
    if (counters === "rebuilt") log(`  ${duration(Date.now() - started)} counters rebuilt`);
    const counts = await countRows(db);
    return { scale: options.scale, seed, dialect, target, elapsedMs: Date.now() - started, counts, counters };
  } finally {
    await db.destroy();
  }
}

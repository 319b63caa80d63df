import type { DataSource } from "typeorm";
import { sqlStatements } from "../observability/metrics";
import { sqlTally } from "../sql-counter";

/**
 * The data version a response is computed at, read with one statement before execution. `token` is compared
 * for equality, `order` ranks versions.
 */
export interface DataVersion {
  token: string;
  order: number;
  /**
   * False when a result computed since this version was read must not be stored: on SQLite, a write happened on
   * the shared connection meanwhile (it may have been rolled back, or be uncommitted yet).
   */
  stillValid(): boolean;
}

/** Reads the data version; null when no version can be trusted now (then the request bypasses the cache). */
export type VersionReader = () => Promise<DataVersion | null>;

/** The minimal surface of better-sqlite3's connection this module uses. */
interface SqliteConnection {
  inTransaction: boolean;
  prepare(sql: string): { get(): unknown };
}

/**
 * MySQL/MariaDB: every mutation writes its event rows at the end of its transaction under the lock on
 * `event_lock` (core/mutation.ts), so event ids ascend in commit order and `MAX(id)` moves exactly when a
 * mutation commits; InnoDB answers it from the primary key's last entry ("Select tables optimized away").
 * Read before execution: a result stored under version V was read from a state at V or later, never earlier.
 *
 * SQLite (better-sqlite3, one connection shared by the process): an open transaction's writes are visible to
 * every statement, so the version is read only when no transaction is open, together with `total_changes()`
 * (rows written by this connection since it opened, rolled-back ones included); a result is stored only if that
 * count has not moved and no transaction is open when it is stored. The check and the read are one synchronous
 * step on the driver's connection (nothing can interleave), counted like any other statement.
 */
export function versionReader(db: DataSource): VersionReader {
  if (db.options.type !== "better-sqlite3") {
    return async () => {
      const rows: { v: number | string | null }[] = await db.query("SELECT MAX(id) AS v FROM event");
      const id = Number(rows[0]?.v ?? 0);
      return { token: String(id), order: id, stillValid: () => true };
    };
  }
  let statement: { get(): unknown } | undefined;
  let changes: { get(): unknown } | undefined;
  return async () => {
    const connection = (db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
    if (connection.inTransaction) return null;
    statement ??= connection.prepare("SELECT MAX(id) AS v, total_changes() AS c FROM event");
    changes ??= connection.prepare("SELECT total_changes() AS c");
    const row = statement.get() as { v: number | null; c: number };
    countStatement();
    const id = Number(row.v ?? 0);
    const check = changes;
    return {
      token: `${id}:${row.c}`,
      order: id,
      stillValid: () => {
        if (connection.inTransaction) return false;
        countStatement();
        return (check.get() as { c: number }).c === row.c;
      },
    };
  };
}

/** The version read counts in the request's tally (x-sql-statements) like a statement sent through TypeORM. */
function countStatement(): void {
  const tally = sqlTally.getStore();
  if (tally) tally.statements += 1;
  sqlStatements.inc({ source: tally ? "request" : "background" });
}

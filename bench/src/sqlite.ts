import { createRequire } from "node:module";
import path from "node:path";
import { SERVER_ROOT } from "./paths.js";

/** The subset of better-sqlite3 the floor uses (the module is the server package's dependency, not ours). */
export interface SqliteDatabase {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
  pragma(sql: string): unknown;
  close(): void;
}

export function openSqlite(file: string, readonly: boolean): SqliteDatabase {
  const require = createRequire(path.join(SERVER_ROOT, "package.json"));
  const Database = require("better-sqlite3") as new (file: string, options: object) => SqliteDatabase;
  const db = new Database(file, { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

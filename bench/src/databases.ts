import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";

/** Where the bench keeps its data: a MariaDB/MySQL server, or SQLite files in a temporary folder. */
export type Store = { kind: "mysql"; serverUrl: string } | { kind: "sqlite"; dir: string };

/** A database the bench runs against: the URL the server gets (empty for SQLite) and how the floor reaches it. */
export interface BenchDatabase {
  label: string;
  /** DATABASE_URL for the server; empty = SQLite in `dataDir`. */
  url: string;
  dataDir?: string;
  /** The SQLite file, for the SQLite floor. */
  sqliteFile?: string;
}

/** mysql2 wants mysql://; the server's mariadb:// scheme only picks TypeORM's driver type. */
export const mysql2Url = (url: string) => url.replace(/^mariadb:/, "mysql:");

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function mysqlReachable(serverUrl: string): Promise<string | null> {
  try {
    const connection = await mysql.createConnection({ uri: mysql2Url(serverUrl), connectTimeout: 3000 });
    await connection.end();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A fresh, empty database (dropped first if a previous run left it); the server migrates and seeds it. */
export async function freshDatabase(store: Store, name: string): Promise<BenchDatabase> {
  if (store.kind === "sqlite") {
    const dataDir = path.join(store.dir, name);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    return {
      label: `SQLite ${name}`,
      url: "",
      dataDir,
      sqliteFile: path.join(dataDir, "assignment-tracker.sqlite"),
    };
  }
  const connection = await mysql.createConnection({ uri: mysql2Url(store.serverUrl) });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  return { label: `MariaDB ${name}`, url: databaseUrl(store.serverUrl, name), dataDir: undefined };
}

export function temporarySqliteStore(): Store {
  return { kind: "sqlite", dir: fs.mkdtempSync(path.join(os.tmpdir(), "bench-sqlite-")) };
}

export interface DatasetSize {
  units: number;
  cells: number;
  members: number;
  assignments: number;
  pledges: number;
  visits: number;
  events: number;
  users: number;
}

/** Row counts, to say in the results which dataset the numbers are for (null when the database is not there). */
export async function datasetSize(url: string): Promise<DatasetSize | null> {
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({ uri: mysql2Url(url), connectTimeout: 3000 });
  } catch {
    return null;
  }
  try {
    const count = async (sql: string) => {
      const [rows] = await connection.query(sql);
      return Number((rows as { n: number }[])[0].n);
    };
    return {
      units: await count("SELECT COUNT(*) AS n FROM org_unit"),
      cells: await count("SELECT COUNT(*) AS n FROM org_unit WHERE level = 'CELL'"),
      members: await count("SELECT COUNT(*) AS n FROM member"),
      assignments: await count("SELECT COUNT(*) AS n FROM assignment"),
      pledges: await count("SELECT COUNT(*) AS n FROM pledge"),
      visits: await count("SELECT COUNT(*) AS n FROM visit"),
      events: await count("SELECT COUNT(*) AS n FROM event"),
      users: await count("SELECT COUNT(*) AS n FROM app_user"),
    };
  } catch {
    return null;
  } finally {
    await connection.end();
  }
}

/** The same counts on SQLite, through the server package's better-sqlite3. */
export async function sqliteDatasetSize(file: string): Promise<DatasetSize> {
  const { openSqlite } = await import("./sqlite.js");
  const db = openSqlite(file, true);
  try {
    const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
    return {
      units: count("SELECT COUNT(*) AS n FROM org_unit"),
      cells: count("SELECT COUNT(*) AS n FROM org_unit WHERE level = 'CELL'"),
      members: count("SELECT COUNT(*) AS n FROM member"),
      assignments: count("SELECT COUNT(*) AS n FROM assignment"),
      pledges: count("SELECT COUNT(*) AS n FROM pledge"),
      visits: count("SELECT COUNT(*) AS n FROM visit"),
      events: count("SELECT COUNT(*) AS n FROM event"),
      users: count("SELECT COUNT(*) AS n FROM app_user"),
    };
  } finally {
    db.close();
  }
}

import fs from "node:fs";
import path from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import type { Config } from "../config";
import { CountingLogger } from "../core/sql-counter";
import { SnakeNamingStrategy } from "../core/naming-strategy";
import { entities } from "./entities";
import { mysqlMigrations } from "./migrations/mysql";
import { sqliteMigrations } from "./migrations/sqlite";

export type Dialect = "sqlite" | "mysql";

export function dialectOf(config: Pick<Config, "DATABASE_URL">): Dialect {
  return config.DATABASE_URL ? "mysql" : "sqlite";
}

/** The data source for the configured database. Schema changes come from migrations only, never `synchronize`. */
export function createDataSource(
  config: Pick<Config, "DATABASE_URL" | "DATA_DIR" | "SQLITE_FILE" | "LOG_SQL">,
): DataSource {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(config.LOG_SQL),
    logging: true,
    synchronize: false,
    migrationsRun: false,
  } as const;
  let options: DataSourceOptions;
  if (dialectOf(config) === "mysql") {
    // TypeORM reads MariaDB's column defaults correctly only with its "mariadb" type: the scheme says which.
    const mariadb = config.DATABASE_URL.startsWith("mariadb:");
    const url = new URL(config.DATABASE_URL.replace(/^mariadb:/, "mysql:"));
    options = {
      ...common,
      type: mariadb ? "mariadb" : "mysql",
      url: url.toString(),
      charset: "utf8mb4_unicode_ci",
      timezone: "Z",
      dateStrings: ["DATE"],
      extra: { connectionLimit: 10 },
      migrations: mysqlMigrations,
    };
  } else {
    const file =
      config.SQLITE_FILE === ":memory:" ? ":memory:" : path.join(config.DATA_DIR, config.SQLITE_FILE);
    if (file !== ":memory:") fs.mkdirSync(config.DATA_DIR, { recursive: true });
    options = {
      ...common,
      type: "better-sqlite3",
      database: file,
      enableWAL: file !== ":memory:",
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma("foreign_keys = ON");
        db.pragma("busy_timeout = 5000");
      },
      migrations: sqliteMigrations,
    };
  }
  const dataSource = new DataSource(options);
  if (options.type !== "better-sqlite3") utcSessions(dataSource);
  return dataSource;
}

/** The session time zone every pooled MySQL/MariaDB connection gets before its first statement. */
export const SESSION_TIME_ZONE = "+00:00";

/**
 * Makes every connection of the pool run in UTC. `timezone: "Z"` only tells the driver how to convert the values
 * JavaScript reads and writes; column defaults (`CURRENT_TIMESTAMP` of created/updated/occurred-at columns) and
 * `NOW()` are computed by the server in the *session* time zone, which is the server's system zone unless set. On a
 * server that runs in Asia/Ho_Chi_Minh those times would be read back 7 hours off. mysql2 emits "connection" for
 * each new connection after its handshake and before handing it out, and runs a connection's commands in order, so
 * the SET always precedes the connection's first statement. TypeORM creates the pool inside its driver: the driver's
 * mysql2 module is wrapped before `initialize()` so that the handler is attached when the pool is made.
 */
function utcSessions(dataSource: DataSource): void {
  type Connection = { query(sql: string): unknown };
  type Pool = { on(event: "connection", listener: (connection: Connection) => void): unknown };
  const driver = dataSource.driver as unknown as { mysql: { createPool(options: unknown): Pool } };
  const mysql2 = driver.mysql;
  driver.mysql = Object.assign(Object.create(mysql2) as typeof mysql2, {
    createPool(poolOptions: unknown): Pool {
      const pool = mysql2.createPool(poolOptions);
      pool.on("connection", (connection) => connection.query(`SET time_zone = '${SESSION_TIME_ZONE}'`));
      return pool;
    },
  });
}

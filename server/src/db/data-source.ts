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
  return new DataSource(options);
}

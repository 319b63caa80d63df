import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { Loaders } from "./loaders";
import type { SqlTally } from "./sql-counter";

/** What every resolver and service receives first: who is asking, their loaders, the database. */
export interface Context {
  requestId: string;
  db: DataSource;
  loaders: Loaders;
  sql: SqlTally;
}

export function createContext(db: DataSource, sql: SqlTally = { statements: 0 }): Context {
  return { requestId: randomUUID(), db, loaders: new Loaders(db), sql };
}

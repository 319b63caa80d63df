import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { Loaders } from "./loaders";
import type { TokenAuthority } from "./auth/token";
import type { Viewer } from "./auth/viewer";
import type { SqlTally } from "./sql-counter";

/** What every resolver and service receives first: who is asking, their loaders, the database. */
export interface Context {
  requestId: string;
  db: DataSource;
  loaders: Loaders;
  sql: SqlTally;
  /** The signed-in user, or null for an anonymous caller. */
  viewer: Viewer | null;
  tokens: TokenAuthority;
}

export function createContext(
  db: DataSource,
  tokens: TokenAuthority,
  viewer: Viewer | null,
  sql: SqlTally = { statements: 0 },
): Context {
  return { requestId: randomUUID(), db, loaders: new Loaders(db), sql, viewer, tokens };
}

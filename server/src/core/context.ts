import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { Loaders } from "./loaders";
import type { TokenAuthority } from "./auth/token";
import type { Viewer } from "./auth/viewer";
import type { LiveServices } from "./live/live";
import type { SqlTally } from "./sql-counter";

/** What every resolver and service receives first: who is asking, their loaders, the database, live updates. */
export interface Context {
  requestId: string;
  db: DataSource;
  loaders: Loaders;
  sql: SqlTally;
  /** The signed-in user, or null for an anonymous caller. */
  viewer: Viewer | null;
  tokens: TokenAuthority;
  /** The process's event feed and dashboard hub (subscriptions). */
  live: LiveServices;
  /** Tells every instance that new event rows are committed (called after commit). */
  signalEvents(): void;
}

export interface ContextServices {
  db: DataSource;
  tokens: TokenAuthority;
  live: LiveServices;
}

export function createContext(
  services: ContextServices,
  viewer: Viewer | null,
  sql: SqlTally = { statements: 0 },
): Context {
  return {
    requestId: randomUUID(),
    db: services.db,
    loaders: new Loaders(services.db),
    sql,
    viewer,
    tokens: services.tokens,
    live: services.live,
    signalEvents: () => services.live.feed.signal(),
  };
}

import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { Loaders } from "./loaders";
import type { TokenAuthority } from "./auth/token";
import type { Viewer } from "./auth/viewer";
import type { LiveServices } from "./live/live";
import type { SqlTally } from "./sql-counter";
import type { RateLimitState, RateLimits } from "./rate-limit";
import type { CallerClass } from "./query-limits";
import { currentRequestId } from "./observability/logger";

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
  /** Which query limits apply: "user" for signed-in users, "public" for API keys and anonymous callers. */
  callerClass: CallerClass;
  /** The operation's estimated cost (objects it may return), once computed. */
  cost?: number; /** The caller's address (anonymous callers are metered by it). */
  clientIp: string;
  /** Cost budgets; the state after this operation's cost was spent, when the caller is metered. */
  rateLimits?: RateLimits;
  rateLimit?: RateLimitState | null;
  /** Tells every instance that new event rows are committed (called after commit). */
  signalEvents(): void;
}

export interface ContextServices {
  db: DataSource;
  tokens: TokenAuthority;
  live: LiveServices;
  rateLimits?: RateLimits;
}

export function createContext(
  services: ContextServices,
  viewer: Viewer | null,
  sql: SqlTally = { statements: 0 },
  clientIp = "local",
): Context {
  return {
    // The HTTP request's id (X-Request-Id, or the one the server made up); a fresh one for WebSocket operations.
    requestId: currentRequestId() ?? randomUUID(),
    db: services.db,
    loaders: new Loaders(services.db),
    sql,
    viewer,
    callerClass: viewer && viewer.userId > 0 ? "user" : "public",
    tokens: services.tokens,
    live: services.live,
    rateLimits: services.rateLimits,
    clientIp,
    signalEvents: () => services.live.feed.signal(),
  };
}

import type { DataSource } from "typeorm";
import type { LiveServices } from "../live/live";
import { authenticate } from "./authenticate";
import type { TokenAuthority } from "./token";
import type { Viewer } from "./viewer";

/** Turns a request's credentials into its viewer; one per server process (HTTP and WebSocket share it). */
export interface Authenticator {
  authenticate(authorization: unknown, apiKeyHeader?: unknown): Promise<Viewer | null>;
}

export function createAuthenticator(
  db: DataSource,
  tokens: TokenAuthority,
  _live: LiveServices,
): Authenticator {
  return {
    authenticate: (authorization, apiKeyHeader) => authenticate(db, tokens, authorization, apiKeyHeader),
  };
}

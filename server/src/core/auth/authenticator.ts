import type { DataSource } from "typeorm";
import type { Event } from "../../features/events/event.entity";
import type { LiveServices } from "../live/live";
import { authenticate, viewerOf } from "./authenticate";
import type { TokenAuthority } from "./token";
import type { Viewer } from "./viewer";
import { ViewerCache } from "./viewer-cache";

/** Turns a request's credentials into its viewer; one per server process (HTTP and WebSocket share it). */
export interface Authenticator {
  authenticate(authorization: unknown, apiKeyHeader?: unknown): Promise<Viewer | null>;
  /** The process's cache of signed-in users' viewers (tests and measurements read its stats). */
  readonly viewers: ViewerCache;
}

export interface AuthenticatorOptions {
  /** Viewers kept at most (least recently used dropped first). */
  maxViewers?: number;
  /** A cached viewer is read again at the latest this long after it was read. */
  viewerTtlMs?: number;
  now?: () => number;
}

/** 10,000 viewers are a few MB; 60 s bounds how long a change made behind the server's back can go unseen. */
export const VIEWER_CACHE_MAX = 10_000;
export const VIEWER_TTL_MS = 60_000;

/**
 * The viewer caches of the authenticators running on a database (one per server process; more in tests that
 * start several servers in one process), so that a mutation can invalidate synchronously with `forgetViewers`.
 */
const cachesByDb = new WeakMap<DataSource, Set<ViewerCache>>();

/**
 * Invalidates cached viewers at once, on this process. A mutation that changes `app_user` (roles, active, unit,
 * member link) or an `org_unit` path calls this in its own path after it commits and before it answers, so that
 * the next request on this instance sees the change; its event (entityType `User`, or `OrgUnit` with the old and
 * new `path` in before/after) invalidates the other instances when the event feed delivers it.
 */
export function forgetViewers(
  db: DataSource,
  what: { userIds?: number[]; subtreePath?: string } | "all",
): void {
  for (const cache of cachesByDb.get(db) ?? []) {
    if (what === "all") {
      cache.clear();
      continue;
    }
    for (const id of what.userIds ?? []) cache.forgetUser(id);
    if (what.subtreePath != null) cache.forgetSubtree(what.subtreePath);
  }
}

/**
 * A fresh read of a user's viewer (sign-in), which replaces any viewer of theirs cached on this process: signing
 * in again always shows the current roles and unit, and the first request after it needs no read of its own.
 */
export async function freshViewer(db: DataSource, userId: number): Promise<Viewer> {
  const caches = [...(cachesByDb.get(db) ?? [])];
  for (const cache of caches) cache.forgetUser(userId);
  // The newest authenticator on this database is the running one (tests may have stopped earlier ones).
  const current = caches.at(-1);
  return current ? current.load(userId, (id) => viewerOf(db, id)) : viewerOf(db, userId);
}

/**
 * What an event means for cached viewers: a `User` event forgets that user; an `OrgUnit` event whose path
 * changed forgets everyone in the old subtree. Other events change no viewer (API keys are not cached).
 */
export function invalidateForEvent(
  cache: ViewerCache,
  event: Pick<Event, "entityType" | "entityId" | "before" | "after">,
): void {
  if (event.entityType === "User") {
    cache.forgetUser(event.entityId);
    return;
  }
  if (event.entityType === "OrgUnit") {
    const before = pathOf(event.before);
    const after = pathOf(event.after);
    // A unit's own path changes only when it moves (or is deleted): its users and those below it.
    if (before != null && before !== after) cache.forgetSubtree(before);
  }
}

function pathOf(snapshot: unknown): string | null {
  if (snapshot == null || typeof snapshot !== "object") return null;
  const path = (snapshot as { path?: unknown }).path;
  return typeof path === "string" ? path : null;
}

/**
 * JWT viewers come from a bounded cache (see ViewerCache) instead of one `app_user JOIN org_unit` read per
 * request; the token itself is still verified on every request. API keys are not cached: a revoked key stops on
 * the very next request, on every instance, as before.
 */
export function createAuthenticator(
  db: DataSource,
  tokens: TokenAuthority,
  live: LiveServices,
  options: AuthenticatorOptions = {},
): Authenticator {
  const viewers = new ViewerCache({
    max: options.maxViewers ?? VIEWER_CACHE_MAX,
    ttlMs: options.viewerTtlMs ?? VIEWER_TTL_MS,
    now: options.now,
  });
  const caches = cachesByDb.get(db) ?? new Set<ViewerCache>();
  cachesByDb.set(db, caches.add(viewers));
  // Events written on any instance (this one included) arrive here after their commit.
  // (The feed drops its listeners when it stops.)
  live.feed.listen((events) => {
    for (const event of events) invalidateForEvent(viewers, event);
  });
  const read = (userId: number) => viewerOf(db, userId);
  const cached = (userId: number) => viewers.load(userId, read);
  return {
    viewers,
    authenticate: (authorization, apiKeyHeader) =>
      authenticate(db, tokens, authorization, apiKeyHeader, cached),
  };
}

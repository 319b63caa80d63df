import { subtreeUpperBound } from "../../features/org-units/org-unit.entity";
import type { Viewer } from "./viewer";

export interface ViewerCacheOptions {
  /** At most this many viewers are kept; the least recently used is dropped first. */
  max: number;
  /** A viewer is read again from the database at the latest this long after it was read (the safety net). */
  ttlMs: number;
  /** The clock (tests move it). */
  now?: () => number;
}

interface Entry {
  viewer: Viewer;
  expiresAt: number;
}

/**
 * Signed-in users' viewers by user id, so that a request does not read `app_user JOIN org_unit` again for a user
 * seen a moment ago. Bounded in size (LRU) and in age (TTL). Entries are frozen: requests share them.
 *
 * Invalidation: `forgetUser` / `forgetSubtree` / `clear`, called by the authenticator for every event that can
 * change a viewer, and synchronously by a mutation that changes one. Every invalidation also bumps a generation:
 * a database read that started before an invalidation is handed to its caller but not stored, so a change that
 * commits while a read is in flight is never cached for a whole TTL.
 */
export class ViewerCache {
  private readonly entries = new Map<number, Entry>();
  private readonly reading = new Map<number, Promise<Viewer>>();
  private generation = 0;
  private readonly now: () => number;
  /** Hits, misses (reads started) and invalidations, for tests and measurements. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(private readonly options: ViewerCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached viewer of `userId`, or `read(userId)` (concurrent misses for one user share one read). */
  load(userId: number, read: (userId: number) => Promise<Viewer>): Promise<Viewer> {
    const entry = this.entries.get(userId);
    if (entry) {
      this.entries.delete(userId);
      if (entry.expiresAt > this.now()) {
        // Re-inserted: Map order is recency order.
        this.entries.set(userId, entry);
        this.stats.hits += 1;
        return Promise.resolve(entry.viewer);
      }
    }
    const pending = this.reading.get(userId);
    if (pending) return pending;
    this.stats.misses += 1;
    const generation = this.generation;
    const started = this.now();
    const promise = read(userId)
      .then((viewer) => {
        const frozen = freezeViewer(viewer);
        if (generation === this.generation) this.store(userId, frozen, started);
        return frozen;
      })
      .finally(() => {
        if (this.reading.get(userId) === promise) this.reading.delete(userId);
      });
    this.reading.set(userId, promise);
    return promise;
  }

  forgetUser(userId: number): void {
    this.invalidated();
    this.entries.delete(userId);
    this.reading.delete(userId);
  }

  /** Forgets every viewer whose unit lies in the subtree at `path` (a unit moved or its path rewritten). */
  forgetSubtree(path: string): void {
    this.invalidated();
    const upper = subtreeUpperBound(path);
    for (const [userId, entry] of this.entries)
      if (entry.viewer.unitPath >= path && entry.viewer.unitPath < upper) this.entries.delete(userId);
    this.reading.clear();
  }

  clear(): void {
    this.invalidated();
    this.entries.clear();
    this.reading.clear();
  }

  private invalidated(): void {
    this.generation += 1;
    this.stats.invalidations += 1;
  }

  private store(userId: number, viewer: Viewer, readAt: number): void {
    // The age counts from when the read started: the row may have been read at any moment after that.
    this.entries.set(userId, { viewer, expiresAt: readAt + this.options.ttlMs });
    if (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value as number);
  }
}

function freezeViewer(viewer: Viewer): Viewer {
  return Object.freeze({ ...viewer, roles: Object.freeze([...viewer.roles]) as Viewer["roles"] });
}

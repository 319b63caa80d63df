import { responseCacheBytes, responseCacheEntries, responseCacheEvictions } from "./metrics";

/** One cached result: the `data` of a response computed at `version`. */
export interface CachedResponse {
  version: string;
  data: Record<string, unknown>;
  bytes: number;
  storedAt: number;
}

/**
 * The cached responses by key, least recently used first, bounded by the total size of their JSON (keys
 * included) and by age. Each key holds one version: a newer one replaces it, an older one is not stored.
 */
export class ResponseStore {
  private readonly entries = new Map<string, CachedResponse>();
  private total = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The entry for `key` if it was computed at `version` and is within its TTL; it becomes the newest. */
  get(key: string, version: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.ttlMs) {
      this.remove(key, entry, "expired");
      return undefined;
    }
    if (entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores `data` computed at `version` (`order` ranks versions: a slower request that read an older version
   * never replaces a newer entry). Entries larger than an eighth of the bound are not stored.
   */
  set(key: string, version: string, order: number, data: Record<string, unknown>, json: string): boolean {
    const bytes = Buffer.byteLength(json) + key.length;
    if (bytes > this.maxBytes / 8) return false;
    const previous = this.entries.get(key);
    if (previous) {
      if (orderOf(previous.version) > order) return false;
      this.remove(key, previous, "replaced");
    }
    this.entries.set(key, { version, data, bytes, storedAt: this.now() });
    this.total += bytes;
    while (this.total > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, CachedResponse];
      this.remove(oldestKey, oldest, "size");
    }
    this.report();
    return true;
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string, entry: CachedResponse, reason: "expired" | "replaced" | "size"): void {
    this.entries.delete(key);
    this.total -= entry.bytes;
    responseCacheEvictions.inc({ reason });
    this.report();
  }

  private report(): void {
    responseCacheBytes.set(this.total);
    responseCacheEntries.set(this.entries.size);
  }
}

/** Versions are written `<last event id>` or `<last event id>:<changes>`: the event id orders them. */
export function orderOf(version: string): number {
  const colon = version.indexOf(":");
  return Number(colon < 0 ? version : version.slice(0, colon));
}

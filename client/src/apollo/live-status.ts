/**
 * How a live subscription stands, for a "live / reconnecting" indicator:
 * - `connecting`: subscribed, the socket is opening for the first time;
 * - `live`: subscribed over an open socket, changes arrive as they commit;
 * - `reconnecting`: the socket closed and graphql-ws is retrying; what is missed will be replayed;
 * - `offline`: the subscription ended (retries exhausted, refused or completed); nothing arrives until it is
 *   subscribed again (on the next connection, or `retry()`).
 */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

/** Worst first: one subscription offline makes the page offline. */
const SEVERITY: readonly LiveStatus[] = ["offline", "reconnecting", "connecting", "live"];

/** The status to show for several subscriptions: the worst of them; null when there are none. */
export function aggregateLiveStatus(statuses: Iterable<LiveStatus>): LiveStatus | null {
  let worst: number | null = null;
  for (const status of statuses) {
    const severity = SEVERITY.indexOf(status);
    if (worst === null || severity < worst) worst = severity;
  }
  return worst === null ? null : SEVERITY[worst];
}

/** One subscription's slot in a store: pass `report` as its `onStatus`; `release` when it is disposed. */
export interface LiveStatusReporter {
  report(status: LiveStatus): void;
  release(): void;
}

/**
 * The aggregate status of the subscriptions tracked by it. `subscribe` and `status` fit React's
 * `useSyncExternalStore(store.subscribe, store.status)`: listeners hear only changes of the aggregate.
 */
export interface LiveStatusStore {
  status(): LiveStatus | null;
  subscribe(listener: () => void): () => void;
  track(initial?: LiveStatus): LiveStatusReporter;
}

export function createLiveStatusStore(): LiveStatusStore {
  const slots = new Map<symbol, LiveStatus>();
  const listeners = new Set<() => void>();
  let current: LiveStatus | null = null;

  const update = () => {
    const next = aggregateLiveStatus(slots.values());
    if (next === current) return;
    current = next;
    for (const listener of [...listeners]) listener();
  };

  return {
    status: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    track(initial = "connecting") {
      const slot = Symbol("live subscription");
      let released = false;
      slots.set(slot, initial);
      update();
      return {
        report(status) {
          if (released) return;
          slots.set(slot, status);
          update();
        },
        release() {
          released = true;
          slots.delete(slot);
          update();
        },
      };
    },
  };
}

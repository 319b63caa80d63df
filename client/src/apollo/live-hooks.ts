import { useApolloClient } from "@apollo/client/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { liveClientOf } from "./client";
import { fromFormattedErrors, type ApiFailure } from "./failure";
import {
  subscribeDashboard,
  subscribeResumable,
  type DashboardVariables,
  type LiveClient,
  type LiveStatus,
} from "./live";
import { createLiveStatusStore, type LiveStatusStore } from "./live-status";

/**
 * React's side of live.ts: hooks that keep a subscription for as long as a component is mounted and report
 * its status to one store per Apollo client, which the header's live / reconnecting indicator reads.
 */

const stores = new WeakMap<object, LiveStatusStore>();

/** The status store of the subscriptions made through this Apollo client's socket. */
export function liveStatusStoreOf(client: object): LiveStatusStore {
  let store = stores.get(client);
  if (!store) {
    store = createLiveStatusStore();
    stores.set(client, store);
  }
  return store;
}

/** The worst status of the mounted live subscriptions; null when none is mounted. */
export function useLiveStatus(): LiveStatus | null {
  const store = liveStatusStoreOf(useApolloClient());
  return useSyncExternalStore(store.subscribe, store.status);
}

/**
 * What a failed subscription says: graphql-ws hands over the GraphQL errors of a refused subscription (an
 * array with `extensions.code`), or a close event / Error when the socket itself failed.
 */
export function classifyLiveFailure(error: unknown): ApiFailure {
  if (Array.isArray(error)) return fromFormattedErrors(error) ?? { kind: "api", code: "UNKNOWN" };
  return { kind: "network" };
}

export interface LiveState {
  status: LiveStatus | null;
  /** The last error of the subscription (cleared by new data); see `classifyLiveFailure`. */
  error: unknown;
  /** Subscribes again when the subscription has ended (offline). */
  retry: () => void;
}

interface Handle {
  retry(): void;
  dispose(): void;
}

/**
 * Runs `open` while mounted and again whenever `key` changes, tracking the status in the client's store.
 * `open` receives the socket client and the callbacks to report status and errors.
 */
function useLiveHandle(
  key: string | null,
  open: (client: LiveClient, report: { status(s: LiveStatus): void; error(e: unknown): void }) => Handle,
): LiveState {
  const apollo = useApolloClient();
  const store = liveStatusStoreOf(apollo);
  const [status, setStatus] = useState<LiveStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const handle = useRef<Handle | null>(null);
  // The latest `open` without making it a dependency: callers pass inline closures.
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    const client = liveClientOf(apollo);
    if (key === null || !client) {
      setStatus(null);
      return;
    }
    const slot = store.track();
    setError(null);
    const current = openRef.current(client, {
      status(next) {
        slot.report(next);
        setStatus(next);
        if (next === "live") setError(null);
      },
      error: setError,
    });
    handle.current = current;
    return () => {
      current.dispose();
      slot.release();
      if (handle.current === current) handle.current = null;
    };
  }, [apollo, store, key]);

  return { status, error, retry: () => handle.current?.retry() };
}

export interface LiveDashboard<D> extends LiveState {
  /** The latest aggregate for the current variables; null until it arrives. */
  dashboard: D | null;
}

/**
 * `dashboard(unit, year, month)` for as long as the component is mounted: the aggregate at once, then after
 * every burst of changes; after a reconnection a fresh aggregate. `variables` null: nothing subscribed.
 */
export function useLiveDashboard<D extends { lastEventId?: string | null }>(
  query: string,
  variables: DashboardVariables | null,
): LiveDashboard<D> {
  const key = variables ? `${query}\n${JSON.stringify(variables)}` : null;
  const [received, setReceived] = useState<{ key: string; dashboard: D } | null>(null);
  const state = useLiveHandle(key, (client, report) =>
    subscribeDashboard<D>(client, {
      query,
      variables: variables!,
      onDashboard: (dashboard) => setReceived({ key: key!, dashboard }),
      onStatus: report.status,
      onError: report.error,
    }),
  );
  return { ...state, dashboard: received && received.key === key ? received.dashboard : null };
}

export interface ResumableStreamOptions<T> {
  /** A subscription declaring `$since: ID`. */
  query: string;
  variables: Record<string, unknown>;
  /** Where to start; the stream is (re)opened when this or the variables change. null: not yet. */
  since: string | null | undefined;
  eventIdOf: (data: T) => string | null | undefined;
  onData: (data: T) => void;
  /** False: nothing subscribed (e.g. until the position to start from is known). */
  enabled?: boolean;
}

/**
 * An event stream resumed from the last event after every reconnection (live.ts `subscribeResumable`), for
 * as long as the component is mounted. `onData` may change between renders; the latest one is called.
 */
export function useResumableStream<T>(options: ResumableStreamOptions<T>): LiveState {
  const { query, variables, since, enabled = true } = options;
  const latest = useRef(options);
  latest.current = options;
  const key = enabled ? `${query}\n${JSON.stringify(variables)}\n${since ?? ""}` : null;
  return useLiveHandle(key, (client, report) =>
    subscribeResumable<T>(client, {
      query,
      variables,
      since: since ?? null,
      eventIdOf: (data) => latest.current.eventIdOf(data),
      onData: (data) => latest.current.onData(data),
      onStatus: report.status,
      onError: report.error,
    }),
  );
}

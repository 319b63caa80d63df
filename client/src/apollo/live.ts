import type { Client, FormattedExecutionResult } from "graphql-ws";
import type { LiveStatus } from "./live-status";

export type { LiveStatus } from "./live-status";

/** What the helpers need of a graphql-ws client (the real one, or a fake in tests). */
export type LiveClient = Pick<Client, "subscribe" | "on">;

// ---------------------------------------------------------------------------------------------------------
// The socket's state, watched once per client: a subscription started while the socket is already open
// hears no "connected", so it asks the watch. `client.ts` starts the watch when it creates the client.

type SocketState = "idle" | "connecting" | "connected" | "closed";

interface SocketListener {
  connecting(): void;
  connected(): void;
  closed(): void;
}

class ConnectionWatch {
  state: SocketState = "idle";
  private readonly listeners = new Set<SocketListener>();

  constructor(client: LiveClient) {
    client.on("connecting", () => this.set("connecting", "connecting"));
    client.on("connected", () => this.set("connected", "connected"));
    client.on("closed", () => this.set("closed", "closed"));
  }

  listen(listener: SocketListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SocketState, event: keyof SocketListener) {
    this.state = state;
    // Synchronously, inside graphql-ws's own emit: on "connected" that is before the library re-sends the
    // subscriptions it held across the close, so a subscription replaced here is never sent again.
    for (const listener of [...this.listeners]) listener[event]();
  }
}

const watches = new WeakMap<LiveClient, ConnectionWatch>();

function connectionOf(client: LiveClient): ConnectionWatch {
  let watch = watches.get(client);
  if (!watch) {
    watch = new ConnectionWatch(client);
    watches.set(client, watch);
  }
  return watch;
}

/** Starts watching the client's socket; call it right after `createClient`, before anything subscribes. */
export function watchConnection(client: LiveClient): void {
  connectionOf(client);
}

// ---------------------------------------------------------------------------------------------------------
// A subscription that is made again on every new connection, with variables computed at that moment.

interface LiveSpec<T> {
  query: string;
  variables: () => Record<string, unknown>;
  onData: (data: T) => void;
  onStatus?: (status: LiveStatus) => void;
  onError?: (error: unknown) => void;
}

interface LiveHandle {
  status(): LiveStatus;
  retry(): void;
  dispose(): void;
}

function openLive<T>(client: LiveClient, spec: LiveSpec<T>): LiveHandle {
  const connection = connectionOf(client);
  let status: LiveStatus = connection.state === "connected" ? "live" : "connecting";
  let generation = 0;
  let unsubscribe: () => void = () => {};
  /** The current subscription errored or completed: nothing more comes on it. */
  let ended = false;
  /** The socket closed under the current subscription: it must be made again, from the latest position. */
  let interrupted = false;
  let disposed = false;

  // A callback that throws inside graphql-ws's message handler would make it close the socket as a bad
  // response (fatal, no retry) for every subscription: report it instead.
  const guarded = (callback: () => void) => {
    try {
      callback();
    } catch (error) {
      if (spec.onError) spec.onError(error);
      else console.error(error);
    }
  };

  const setStatus = (next: LiveStatus) => {
    if (disposed || next === status) return;
    status = next;
    guarded(() => spec.onStatus?.(next));
  };
  const connectedOr = (otherwise: LiveStatus): LiveStatus =>
    connection.state === "connected" ? "live" : otherwise;

  const subscribe = () => {
    const previous = unsubscribe;
    const current = ++generation;
    const stale = () => disposed || current !== generation;
    ended = false;
    interrupted = false;
    unsubscribe = client.subscribe<T>(
      { query: spec.query, variables: spec.variables() },
      {
        next: (result: FormattedExecutionResult<T>) => {
          if (stale()) return;
          if (result.errors?.length) guarded(() => spec.onError?.(result.errors));
          if (result.data == null) return;
          setStatus("live");
          const data = result.data;
          guarded(() => spec.onData(data));
        },
        error: (error) => {
          if (stale()) return;
          ended = true;
          setStatus("offline");
          guarded(() => spec.onError?.(error));
        },
        complete: () => {
          if (stale()) return;
          ended = true;
          setStatus("offline");
        },
      },
    );
    // After the new one: with `lazy`, graphql-ws closes the socket when no subscription is left.
    previous();
  };

  const unlisten = connection.listen({
    connecting() {
      if (!ended) setStatus(interrupted ? "reconnecting" : "connecting");
    },
    connected() {
      if (interrupted || ended) subscribe();
      setStatus("live");
    },
    closed() {
      if (ended) return;
      interrupted = true;
      setStatus("reconnecting");
    },
  });

  guarded(() => spec.onStatus?.(status));
  subscribe();

  return {
    status: () => status,
    retry() {
      if (disposed || !ended) return;
      setStatus(connectedOr("connecting"));
      subscribe();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unlisten();
      unsubscribe();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Event streams: `events(since:)`, `pledgeChanged`, `confirmationLanded`, `ntmChanged`, `concernChanged`.

/** How many recent event ids are remembered to drop a repeated one (ids are opaque: not comparable). */
const REMEMBERED_IDS = 1000;

export interface ResumableOptions<T> {
  /** A subscription whose operation declares `$since: ID`; `variables.since` is set by the helper. */
  query: string;
  variables?: Record<string, unknown>;
  /** Where to start: the id of the last event already shown (e.g. a query's or a dashboard's lastEventId). */
  since?: string | null;
  /** The event id a message carries, e.g. `data.events.id` or `data.pledgeChanged.event.id`. */
  eventIdOf: (data: T) => string | null | undefined;
  /** Each event once, in order. */
  onData: (data: T) => void;
  /** Called at once with the initial status, then on each change. */
  onStatus?: (status: LiveStatus) => void;
  /** Errors of the subscription, and exceptions thrown by the callbacks (they never reach graphql-ws). */
  onError?: (error: unknown) => void;
}

export interface ResumableSubscription {
  /** The id of the last event delivered (or `since` until one is). */
  lastEventId(): string | null;
  status(): LiveStatus;
  /** When offline (graphql-ws gave up or the server ended it): subscribe again from the last event. */
  retry(): void;
  /** Unsubscribes and stops listening; no callback is called afterwards. */
  dispose(): void;
}

/**
 * Subscribes to an event stream so that nothing is lost or repeated across reconnections: every time the
 * socket connects again it subscribes anew with `since` = the last event id seen, and the server replays
 * what was missed (DESIGN.md §5). graphql-ws by itself would re-send the first `since` and replay it all.
 */
export function subscribeResumable<T>(
  client: LiveClient,
  options: ResumableOptions<T>,
): ResumableSubscription {
  let last = options.since ?? null;
  const seen = new Set<string>();
  const remember = (id: string) => {
    seen.add(id);
    if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value as string);
  };
  if (last !== null) remember(last);

  const live = openLive<T>(client, {
    query: options.query,
    variables: () => ({ ...options.variables, since: last }),
    onData(data) {
      const id = options.eventIdOf(data) ?? null;
      if (id !== null) {
        if (seen.has(id)) return;
        remember(id);
        last = id;
      }
      options.onData(data);
    },
    onStatus: options.onStatus,
    onError: options.onError,
  });

  return {
    lastEventId: () => last,
    status: live.status,
    retry: live.retry,
    dispose: live.dispose,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The dashboard: the server sends the whole aggregate on subscribe and after each burst of changes.

/** Arguments of `dashboard(unit, year, month)`. */
export interface DashboardVariables {
  unit: { id?: string; code?: string };
  year: number;
  month?: number | null;
}

export interface DashboardOptions<D> {
  /** A subscription selecting the root field `dashboard` (not aliased), with `lastEventId` if needed. */
  query: string;
  variables: DashboardVariables;
  onDashboard?: (dashboard: D) => void;
  onStatus?: (status: LiveStatus) => void;
  onError?: (error: unknown) => void;
}

export interface DashboardSubscription<D> {
  /** The latest aggregate received; null until the first one. */
  dashboard(): D | null;
  /** The last event the latest aggregate includes: resume `events(since:)` from it. */
  lastEventId(): string | null;
  status(): LiveStatus;
  retry(): void;
  dispose(): void;
}

/**
 * Subscribes to `dashboard(unit, year, month)` and subscribes again on every new connection: the server
 * answers with a fresh aggregate at once, so after a reconnection the figures equal a fresh load. While
 * reconnecting, the last aggregate stays (the status says it may be behind).
 */
export function subscribeDashboard<D extends { lastEventId?: string | null }>(
  client: LiveClient,
  options: DashboardOptions<D>,
): DashboardSubscription<D> {
  let latest: D | null = null;
  const live = openLive<{ dashboard: D }>(client, {
    query: options.query,
    variables: () => ({ ...options.variables }),
    onData(data) {
      if (!data.dashboard) return;
      latest = data.dashboard;
      options.onDashboard?.(latest);
    },
    onStatus: options.onStatus,
    onError: options.onError,
  });

  return {
    dashboard: () => latest,
    lastEventId: () => latest?.lastEventId ?? null,
    status: live.status,
    retry: live.retry,
    dispose: live.dispose,
  };
}

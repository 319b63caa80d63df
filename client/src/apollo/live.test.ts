import {
  createClient,
  type Event,
  type FormattedExecutionResult,
  type Sink,
  type SubscribePayload,
} from "graphql-ws";
import { subscribeDashboard, subscribeResumable, watchConnection, type LiveClient } from "./live";
import { aggregateLiveStatus, createLiveStatusStore, type LiveStatus } from "./live-status";
import { waitFor } from "../test/wait-for";

type Listener = (...args: unknown[]) => void;

interface FakeSubscription {
  payload: SubscribePayload;
  sink: Sink<FormattedExecutionResult<unknown, unknown>>;
  active: boolean;
}

/** A graphql-ws client in name only: the test says when the socket connects or closes and what arrives. */
class FakeSocketClient implements LiveClient {
  readonly subscriptions: FakeSubscription[] = [];
  private readonly listeners = new Map<Event, Set<Listener>>();

  on: LiveClient["on"] = (event, listener) => {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  };

  subscribe: LiveClient["subscribe"] = (payload, sink) => {
    const subscription: FakeSubscription = {
      payload,
      sink: sink as FakeSubscription["sink"],
      active: true,
    };
    this.subscriptions.push(subscription);
    return () => {
      subscription.active = false;
    };
  };

  get active(): FakeSubscription[] {
    return this.subscriptions.filter((subscription) => subscription.active);
  }

  /** The `since` each subscription was made with, in order. */
  get sinces(): unknown[] {
    return this.subscriptions.map((subscription) => subscription.payload.variables?.since);
  }

  connect(retry = false) {
    this.emit("connecting", retry);
    this.emit("connected", {}, undefined, retry);
  }

  close(code = 1006) {
    this.emit("closed", { code, reason: "" });
  }

  /** A message on the latest subscription (or the one given). */
  push(data: unknown, subscription = this.subscriptions.at(-1)!) {
    subscription.sink.next({ data });
  }

  private emit(event: Event, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

interface EventMessage {
  events: { id: string; action: string };
}

const EVENTS = "subscription Events($since: ID) { events(since: $since) { id action } }";
const event = (id: string): EventMessage => ({ events: { id, action: "PLEDGE_CONFIRMED" } });

function resumable(client: LiveClient, since: string | null = null) {
  const received: string[] = [];
  const statuses: LiveStatus[] = [];
  const errors: unknown[] = [];
  const subscription = subscribeResumable<EventMessage>(client, {
    query: EVENTS,
    variables: { filter: { entityTypes: ["Pledge"] } },
    since,
    eventIdOf: (data) => data.events.id,
    onData: (data) => received.push(data.events.id),
    onStatus: (status) => statuses.push(status),
    onError: (error) => errors.push(error),
  });
  return { subscription, received, statuses, errors };
}

describe("subscribeResumable", () => {
  it("subscribes from the given id, keeping the other variables", () => {
    const client = new FakeSocketClient();
    resumable(client, "E1");
    expect(client.subscriptions).toHaveLength(1);
    expect(client.subscriptions[0].payload).toEqual({
      query: EVENTS,
      variables: { filter: { entityTypes: ["Pledge"] }, since: "E1" },
    });
  });

  it("after a reconnection subscribes again from the last event it received", () => {
    const client = new FakeSocketClient();
    const { subscription, received } = resumable(client, "E1");
    client.connect();
    client.push(event("E2"));
    client.push(event("E3"));
    expect(subscription.lastEventId()).toBe("E3");

    client.close();
    client.connect(true);

    expect(client.sinces).toEqual(["E1", "E3"]);
    expect(client.active).toEqual([client.subscriptions[1]]);
    client.push(event("E4"));
    expect(received).toEqual(["E2", "E3", "E4"]);
    expect(subscription.lastEventId()).toBe("E4");
  });

  it("does not subscribe again on the first connection", () => {
    const client = new FakeSocketClient();
    resumable(client);
    client.connect();
    expect(client.subscriptions).toHaveLength(1);
  });

  it("resumes from the same id when nothing arrived before the socket closed", () => {
    const client = new FakeSocketClient();
    resumable(client, "E7");
    client.connect();
    client.close();
    client.connect(true);
    expect(client.sinces).toEqual(["E7", "E7"]);
  });

  it("delivers a repeated event once, whether repeated at once or in a replay", () => {
    const client = new FakeSocketClient();
    const { received } = resumable(client, "E1");
    client.connect();
    client.push(event("E1"));
    client.push(event("E2"));
    client.push(event("E2"));
    client.close();
    client.connect(true);
    client.push(event("E2"));
    client.push(event("E3"));
    expect(received).toEqual(["E2", "E3"]);
  });

  it("ignores what a replaced subscription still delivers", () => {
    const client = new FakeSocketClient();
    const { received, statuses } = resumable(client);
    client.connect();
    const first = client.subscriptions[0];
    client.close();
    client.connect(true);
    client.push(event("E9"), first);
    first.sink.error(new Error("late"));
    first.sink.complete();
    expect(received).toEqual([]);
    expect(statuses.at(-1)).toBe("live");
  });

  it("dispose unsubscribes and stops listening", () => {
    const client = new FakeSocketClient();
    const { subscription, received, statuses } = resumable(client, "E1");
    client.connect();
    subscription.dispose();
    expect(client.active).toEqual([]);

    const before = statuses.length;
    client.push(event("E2"), client.subscriptions[0]);
    client.close();
    client.connect(true);
    expect(client.subscriptions).toHaveLength(1);
    expect(received).toEqual([]);
    expect(statuses).toHaveLength(before);
  });

  it("goes connecting → live → reconnecting → live as the socket connects, closes and connects again", () => {
    const client = new FakeSocketClient();
    const { statuses, subscription } = resumable(client);
    expect(subscription.status()).toBe("connecting");
    client.connect();
    client.close();
    client.connect(true);
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "live"]);
  });

  it("is live at once when the socket is already open", () => {
    const client = new FakeSocketClient();
    watchConnection(client);
    client.connect();
    const { statuses } = resumable(client);
    expect(statuses).toEqual(["live"]);
  });

  it("is offline when the subscription fails, and resumes on the next connection", () => {
    const client = new FakeSocketClient();
    const { statuses, errors, subscription } = resumable(client, "E1");
    client.connect();
    client.push(event("E2"));
    client.close();
    const giveUp = { code: 1006, reason: "" };
    client.subscriptions[0].sink.error(giveUp);
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "offline"]);
    expect(errors).toEqual([giveUp]);

    client.connect(true);
    expect(client.sinces).toEqual(["E1", "E2"]);
    expect(subscription.status()).toBe("live");
  });

  it("retry() subscribes again from the last id once offline, and not before", () => {
    const client = new FakeSocketClient();
    const { subscription } = resumable(client, "E1");
    subscription.retry();
    expect(client.subscriptions).toHaveLength(1);
    client.subscriptions[0].sink.complete();
    expect(subscription.status()).toBe("offline");
    subscription.retry();
    expect(client.sinces).toEqual(["E1", "E1"]);
    expect(subscription.status()).toBe("connecting");
  });

  it("reports errors in a message and exceptions of its callbacks instead of throwing into graphql-ws", () => {
    const client = new FakeSocketClient();
    const errors: unknown[] = [];
    subscribeResumable<EventMessage>(client, {
      query: EVENTS,
      eventIdOf: (data) => data.events.id,
      onData: () => {
        throw new Error("render failed");
      },
      onError: (error) => errors.push(error),
    });
    const graphQLErrors = [{ message: "Forbidden", extensions: { code: "FORBIDDEN" } }];
    client.subscriptions[0].sink.next({ data: null, errors: graphQLErrors });
    expect(() => client.push(event("E2"))).not.toThrow();
    expect(errors).toEqual([graphQLErrors, new Error("render failed")]);
  });
});

interface DashboardFigures {
  pledgeCount: number;
  lastEventId: string | null;
}

const DASHBOARD =
  "subscription Dashboard($unit: UnitRef!, $year: Int!) { dashboard(unit: $unit, year: $year) { pledgeCount lastEventId } }";

describe("subscribeDashboard", () => {
  it("subscribes again on reconnection and ends with the fresh aggregate", () => {
    const client = new FakeSocketClient();
    const seen: number[] = [];
    const statuses: LiveStatus[] = [];
    const dashboard = subscribeDashboard<DashboardFigures>(client, {
      query: DASHBOARD,
      variables: { unit: { code: "925" }, year: 2016 },
      onDashboard: (figures) => seen.push(figures.pledgeCount),
      onStatus: (status) => statuses.push(status),
    });
    expect(dashboard.dashboard()).toBeNull();
    client.connect();
    client.push({ dashboard: { pledgeCount: 10, lastEventId: "E5" } });
    client.close();
    expect(dashboard.dashboard()).toEqual({ pledgeCount: 10, lastEventId: "E5" });
    client.connect(true);

    expect(client.subscriptions.map((subscription) => subscription.payload.variables)).toEqual([
      { unit: { code: "925" }, year: 2016 },
      { unit: { code: "925" }, year: 2016 },
    ]);
    expect(client.active).toEqual([client.subscriptions[1]]);
    client.push({ dashboard: { pledgeCount: 12, lastEventId: "E8" } });
    expect(seen).toEqual([10, 12]);
    expect(dashboard.dashboard()).toEqual({ pledgeCount: 12, lastEventId: "E8" });
    expect(dashboard.lastEventId()).toBe("E8");
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "live"]);

    dashboard.dispose();
    expect(client.active).toEqual([]);
  });
});

describe("live status store", () => {
  it("shows the worst status, or nothing without subscriptions", () => {
    expect(aggregateLiveStatus([])).toBeNull();
    expect(aggregateLiveStatus(["live", "live"])).toBe("live");
    expect(aggregateLiveStatus(["live", "connecting"])).toBe("connecting");
    expect(aggregateLiveStatus(["connecting", "reconnecting", "live"])).toBe("reconnecting");
    expect(aggregateLiveStatus(["reconnecting", "offline"])).toBe("offline");
  });

  it("tracks subscriptions and tells listeners when the aggregate changes", () => {
    const store = createLiveStatusStore();
    const changes: (LiveStatus | null)[] = [];
    store.subscribe(() => changes.push(store.status()));
    const client = new FakeSocketClient();
    const slots = [store.track(), store.track()];
    const subscriptions = slots.map((slot) =>
      subscribeResumable<EventMessage>(client, {
        query: EVENTS,
        eventIdOf: (data) => data.events.id,
        onData: () => {},
        onStatus: slot.report,
      }),
    );
    client.connect();
    client.close();
    subscriptions[0].dispose();
    slots[0].release();
    expect(store.status()).toBe("reconnecting");
    client.connect(true);
    subscriptions[1].dispose();
    slots[1].release();
    slots[1].report("offline"); // released: ignored
    expect(changes).toEqual(["connecting", "live", "reconnecting", "live", null]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Against the real graphql-ws client, over a scripted socket: the library holds subscriptions across a
// close and re-sends them; the helper must make it send the new `since`, and only once.

interface Sent {
  id?: string;
  type: string;
  payload?: SubscribePayload;
}

class ScriptedSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: ScriptedSocket[] = [];

  readyState = ScriptedSocket.CONNECTING;
  readonly sent: Sent[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;

  constructor() {
    ScriptedSocket.instances.push(this);
    setTimeout(() => {
      this.readyState = ScriptedSocket.OPEN;
      this.onopen?.({});
    }, 0);
  }

  get subscribes(): Sent[] {
    return this.sent.filter((message) => message.type === "subscribe");
  }

  send(data: string) {
    const message = JSON.parse(data) as Sent;
    this.sent.push(message);
    if (message.type === "connection_init") setTimeout(() => this.receive({ type: "connection_ack" }), 0);
  }

  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  next(id: string, data: unknown) {
    this.receive({ id, type: "next", payload: { data } });
  }

  close(code = 1000, reason = "") {
    if (this.readyState === ScriptedSocket.CLOSED) return;
    this.readyState = ScriptedSocket.CLOSED;
    this.onclose?.({ code, reason, wasClean: code === 1000 });
  }
}

describe("subscribeResumable with graphql-ws", () => {
  it("re-sends the subscription once, from the last event, after the socket drops", async () => {
    ScriptedSocket.instances = [];
    const client = createClient({
      url: "ws://api.test/graphql",
      webSocketImpl: ScriptedSocket,
      retryWait: async () => {},
    });
    watchConnection(client);
    const { subscription, received, statuses } = resumable(client, "E1");

    await waitFor(() => expect(ScriptedSocket.instances[0]?.subscribes).toHaveLength(1));
    const first = ScriptedSocket.instances[0];
    const [{ id, payload }] = first.subscribes;
    expect(payload?.variables?.since).toBe("E1");
    first.next(id!, event("E2"));
    first.next(id!, event("E3"));

    first.close(1006); // the connection drops
    await waitFor(() => expect(ScriptedSocket.instances[1]?.subscribes).toHaveLength(1));
    const second = ScriptedSocket.instances[1];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second.subscribes.map((message) => message.payload?.variables?.since)).toEqual(["E3"]);

    const resumed = second.subscribes[0].id!;
    second.next(resumed, event("E3"));
    second.next(resumed, event("E4"));
    expect(received).toEqual(["E2", "E3", "E4"]);
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "live"]);

    subscription.dispose();
    expect(second.sent.at(-1)).toEqual({ id: resumed, type: "complete" });
    await waitFor(() => expect(second.readyState).toBe(ScriptedSocket.CLOSED));
    expect(ScriptedSocket.instances).toHaveLength(2);
  });

  it("resumes after terminate(), as on sign-in and sign-out", async () => {
    ScriptedSocket.instances = [];
    const client = createClient({
      url: "ws://api.test/graphql",
      webSocketImpl: ScriptedSocket,
      retryWait: async () => {},
    });
    watchConnection(client);
    const { subscription } = resumable(client, null);
    await waitFor(() => expect(ScriptedSocket.instances[0]?.subscribes).toHaveLength(1));
    const first = ScriptedSocket.instances[0];
    first.next(first.subscribes[0].id!, event("E5"));

    client.terminate();
    await waitFor(() => expect(ScriptedSocket.instances[1]?.subscribes).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(
      ScriptedSocket.instances[1].subscribes.map((message) => message.payload?.variables?.since),
    ).toEqual(["E5"]);
    expect(subscription.status()).toBe("live");
    subscription.dispose();
  });
});

/**
 * A fan-out client process: opens many graphql-ws connections (to the API or to the bare broadcast floor, which
 * speaks the same protocol), each subscribed to one unit's dashboard, and records when each confirmation reaches
 * each client (the dashboard's `confirmedCount` passing base + k). Driven by the bench over IPC.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { now, type FromWorker, type StartClients, type ToWorker } from "./fanout-protocol.js";

const send = (message: FromWorker) => process.send!(message);

let arrivals: number[][] = [];
let messages = 0;
let observed = 0;
let ready = false;
let errorsAfterReady = 0;
let closedAfterReady = 0;
let firstError: string | null = null;
let failed = 0;
let sample: string | null = null;
const closers: (() => void)[] = [];

function noteError(error: unknown) {
  const text = error instanceof Error ? error.message : JSON.stringify(error);
  firstError ??= text;
  if (ready) errorsAfterReady += 1;
}

/** Per client: the confirmed count of its first message (the baseline) and the last one seen. */
function tracker(confirmations: number) {
  let base = -1;
  let last = -1;
  return (confirmedCount: number): boolean => {
    const t = now();
    if (base < 0) {
      base = last = confirmedCount;
      return true;
    }
    messages += 1;
    for (let count = last + 1; count <= confirmedCount; count++) {
      const k = count - base;
      if (k >= 1 && k <= confirmations) {
        arrivals[k - 1].push(t);
        observed += 1;
      }
    }
    if (confirmedCount > last) last = confirmedCount;
    return false;
  };
}

function openGraphqlWs(start: StartClients, unit: string): Promise<void> {
  return new Promise((resolve) => {
    const seen = tracker(start.confirmations);
    let first = true;
    const client: Client = createClient({
      url: start.url,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols);
          // Keep one raw message, to size the floor's payload exactly.
          if (sample == null)
            this.on("message", (data) => {
              const text = String(data);
              if (sample == null && text.includes('"next"')) sample = text;
            });
        }
      },
      connectionParams: { authorization: `Bearer ${start.token}` },
      retryAttempts: 0,
      lazy: true,
      keepAlive: 0,
      on: {
        closed: () => {
          if (ready) closedAfterReady += 1;
        },
      },
    });
    closers.push(() => void client.dispose());
    client.subscribe<{ dashboard: { confirmedCount: number } }>(
      { query: start.query!, variables: { unit, year: start.year } },
      {
        next: (value) => {
          if (value.errors?.length) {
            noteError(value.errors);
          } else seen(value.data!.dashboard.confirmedCount);
          if (first) {
            first = false;
            resolve();
          }
        },
        error: (error) => {
          noteError(error);
          if (first) {
            first = false;
            failed += 1;
            resolve();
          }
        },
        complete: () => undefined,
      },
    );
  });
}

const CONFIRMED_COUNT = /"confirmedCount":(\d+)/;

/**
 * A graphql-ws client written against the protocol (graphql-transport-ws) with a bare `ws` socket: the same
 * messages as the library's client, with less work per message (the count is read with a regular expression, not
 * by parsing the whole message), so that at 10,000 sockets the client processes keep up and the server is what is
 * measured.
 */
function openProtocol(start: StartClients, unit: string): Promise<void> {
  return new Promise((resolve) => {
    const seen = tracker(start.confirmations);
    let first = true;
    const settle = (ok: boolean) => {
      if (!first) return;
      first = false;
      if (!ok) failed += 1;
      resolve();
    };
    const socket = new WebSocket(start.url, "graphql-transport-ws");
    closers.push(() => socket.close(1000));
    socket.on("open", () =>
      socket.send(
        JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${start.token}` } }),
      ),
    );
    socket.on("message", (data) => {
      const text = String(data);
      const count = CONFIRMED_COUNT.exec(text);
      if (count) {
        if (sample == null) sample = text;
        seen(Number(count[1]));
        settle(true);
        return;
      }
      if (text.includes('"connection_ack"')) {
        socket.send(
          JSON.stringify({
            id: "1",
            type: "subscribe",
            payload: { query: start.query, variables: { unit, year: start.year } },
          }),
        );
      } else if (text.includes('"ping"')) {
        socket.send('{"type":"pong"}');
      } else if (!text.includes('"pong"')) {
        noteError(text.slice(0, 300));
        settle(false);
      }
    });
    socket.on("error", (error) => {
      noteError(error);
      settle(false);
    });
    socket.on("close", (code, reason) => {
      if (ready) closedAfterReady += 1;
      if (first) noteError(`closed ${code} ${String(reason)}`);
      settle(false);
    });
  });
}

async function start(message: StartClients) {
  arrivals = Array.from({ length: message.confirmations }, () => []);
  const open = message.mode === "library" ? openGraphqlWs : openProtocol;
  let next = 0;
  let connected = 0;
  const progress = setInterval(() => send({ type: "progress", connected }), 2000);
  // A few connections at a time: a storm of 10,000 handshakes would overflow the listen backlog.
  await Promise.all(
    Array.from({ length: Math.min(message.concurrency, message.units.length) }, async () => {
      while (next < message.units.length) {
        const unit = message.units[next++];
        await open(message, unit);
        connected += 1;
      }
    }),
  );
  clearInterval(progress);
  ready = true;
  send({
    type: "ready",
    connected: connected - failed,
    failed,
    firstError,
    sample,
    sampleBytes: sample ? Buffer.byteLength(sample) : 0,
  });
  setInterval(() => send({ type: "observed", observed }), 100).unref();
}

process.on("message", (message: ToWorker) => {
  if (message.type === "start") void start(message);
  if (message.type === "finish") {
    const result: FromWorker = {
      type: "result",
      arrivals,
      messages,
      errorsAfterReady,
      closedAfterReady,
      firstError,
    };
    // Exit only once the (large) result has gone through the IPC channel.
    process.send!(result, undefined, {}, () => {
      for (const close of closers) close();
      setTimeout(() => process.exit(0), 200);
    });
  }
});
console.log("WORKER READY");

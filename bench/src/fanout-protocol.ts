/** Messages between the bench and its fan-out client processes (over Node's IPC channel). */

export interface StartClients {
  type: "start";
  /**
   * "protocol": graphql-transport-ws spoken over bare `ws` sockets, the count read with a regular expression (light
   * clients); "library": graphql-ws's own client, which parses and checks every message. Both talk to the API and
   * to the floor alike.
   */
  mode: "protocol" | "library";
  url: string;
  token?: string;
  query?: string;
  year: number;
  /** The unit code each client subscribes to. */
  units: string[];
  /** Confirmations to expect (arrival times are kept per confirmation). */
  confirmations: number;
  /** How many connections are opened at a time. */
  concurrency: number;
}

export type ToWorker = StartClients | { type: "finish" };

export type FromWorker =
  | { type: "progress"; connected: number }
  | {
      type: "ready";
      connected: number;
      failed: number;
      firstError: string | null;
      /** One message as it came over the socket, to size the floor's payload. */
      sample: string | null;
      sampleBytes: number;
    }
  | { type: "observed"; observed: number }
  | {
      type: "result";
      /** arrivals[k] = arrival times (epoch ms, fractional) of confirmation k+1 at each client that saw it. */
      arrivals: number[][];
      messages: number;
      /** Messages per client that carried a confirmation count going down or skipping, or errors after ready. */
      errorsAfterReady: number;
      closedAfterReady: number;
      firstError: string | null;
    };

/** Epoch milliseconds with sub-millisecond precision, comparable between processes of one machine. */
export const now = () => performance.timeOrigin + performance.now();

import { createSourceEventStream, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { WebSocket } from "ws";
import { noteSubscriptionSend } from "../observability/event-lag";
import { subscriptionMessages } from "../observability/metrics";
import { isShareable, sharedJson } from "./shared-execution";

/** Where a subscription's messages go: its socket and the operation id the client chose. */
interface Delivery {
  socket: WebSocket;
  id: string;
}

/** Keyed by the subscription's context (one per operation, made in onSubscribe). */
const deliveries = new WeakMap<object, Delivery>();

/** Tells `subscribeDirect` the socket and id of the operation whose context this is (called in onSubscribe). */
export function deliverTo(context: object, socket: WebSocket, id: string): void {
  deliveries.set(context, { socket, id });
}

type Subscribe = (args: ExecutionArgs) => Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";

const OPEN = 1;

/**
 * graphql-ws's `subscribe` hook. Shareable subscriptions (dashboards, see shared-execution.ts) skip graphql-ws's
 * per-message path (an async generator step, the onNext hooks, `JSON.stringify` of the whole message and an awaited
 * send, per subscriber): each event's result is executed and serialised once per key (`sharedJson`) and every
 * subscriber's socket is written the same `next` frame with its own id, as a bare `ws` broadcast does. graphql-ws
 * still owns the operation: it gets an iterator that ends when the source does (graphql-ws then sends `complete`)
 * or rejects when it fails (an `error` message), and whose `return()` (the client's `complete`, the socket
 * closing) closes the source and so the hub's channel. Anything else goes to `fallback`.
 */
export async function subscribeDirect(
  args: ExecutionArgs,
  fallback: Subscribe,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const delivery = deliveries.get(args.contextValue as object);
  if (!delivery || !isShareable(args)) return fallback(args);
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source as ExecutionResult;
  const iterator = source[Symbol.asyncIterator]();
  const { socket } = delivery;
  const prefix = `{"id":${JSON.stringify(delivery.id)},"type":"next","payload":`;

  const ended = (async (): Promise<IteratorResult<ExecutionResult>> => {
    let first = true;
    try {
      for (;;) {
        const step = await iterator.next();
        if (step.done) return { done: true, value: undefined };
        const json = await sharedJson({ ...args, rootValue: step.value });
        if (socket.readyState !== OPEN) continue; // closing: graphql-ws is about to return() the iterator
        socket.send(prefix + json + "}");
        subscriptionMessages.inc();
        noteSubscriptionSend(step.value, first);
        first = false;
      }
    } catch (error) {
      try {
        await iterator.return?.();
      } catch {
        // keep the original error
      }
      throw error;
    }
  })();
  // graphql-ws may return() before it reads the end: a failure then has no reader and must not crash the process.
  ended.catch(() => undefined);
  const close = async (): Promise<IteratorResult<ExecutionResult>> => {
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  const generator = {
    next: () => ended,
    return: close,
    throw: async (error: unknown): Promise<IteratorResult<ExecutionResult>> => {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return generator;
    },
  };
  return generator as unknown as AsyncGenerator<ExecutionResult>;
}

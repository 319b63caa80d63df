import {
  createSourceEventStream,
  execute,
  getOperationAST,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
} from "graphql";
import type { WebSocketServer } from "ws";
import { noteSubscriptionSend } from "./event-lag";
import { activeSubscriptions, subscriptionMessages, subscriptionsStarted, wsConnections } from "./metrics";

/** Which source payload produced a result, and whether it is its subscription's first message. */
const sources = new WeakMap<object, { payload: unknown; first: boolean }>();

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";

/**
 * graphql-js's `subscribe`, with the payload behind every result remembered so that `onNext` can measure the
 * event's lag at the moment it is sent. Same behaviour otherwise: source errors are results, `return()` closes
 * the source (and so the subscriber's channel), a failing execution closes the source and rethrows.
 */
export async function subscribeRemembering(
  args: ExecutionArgs,
  run: (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult> = execute,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source as ExecutionResult;
  const iterator = source[Symbol.asyncIterator]();
  let first = true;
  const closeQuietly = async () => {
    try {
      await iterator.return?.();
    } catch {
      // keep the original error
    }
  };
  const map = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (step.done) return { done: true, value: undefined };
    try {
      const result = await run({ ...args, rootValue: step.value });
      sources.set(result, { payload: step.value, first });
      first = false;
      return { done: false, value: result };
    } catch (error) {
      await closeQuietly();
      throw error;
    }
  };
  const generator = {
    next: async () => map(await iterator.next()),
    return: async (): Promise<IteratorResult<ExecutionResult>> =>
      iterator.return ? map(await iterator.return()) : { done: true, value: undefined },
    throw: async (error: unknown): Promise<IteratorResult<ExecutionResult>> => {
      if (iterator.throw) return map(await iterator.throw(error));
      await closeQuietly();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return generator;
    },
  };
  return generator as unknown as AsyncGenerator<ExecutionResult>;
}

/** The subscription's root field (`dashboard`, `confirmationLanded`…): a label bounded by the schema. */
function rootFieldOf(args: ExecutionArgs): string {
  const operation = getOperationAST(args.document, args.operationName ?? undefined);
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === "Field");
  return field?.name.value ?? "unknown";
}

/**
 * graphql-ws hooks that keep the subscription gauges and the send-stage event lag. `run` executes each event
 * (graphql-js `execute` by default; the server passes `executeShared`); it must return a distinct object per call.
 */
export function subscriptionMetricsHooks(
  run: (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult> = execute,
) {
  const running = new WeakMap<object, Map<string, string>>();
  return {
    subscribe: (args: ExecutionArgs) => subscribeRemembering(args, run),
    onOperation: (ctx: object, id: string, _payload: unknown, args: ExecutionArgs, result: unknown) => {
      if (!isAsyncIterable(result)) return;
      const operation = rootFieldOf(args);
      const ops = running.get(ctx) ?? new Map<string, string>();
      running.set(ctx, ops.set(id, operation));
      activeSubscriptions.inc({ operation });
      subscriptionsStarted.inc({ operation });
    },
    onNext: (_ctx: object, _id: string, _payload: unknown, _args: ExecutionArgs, result: ExecutionResult) => {
      subscriptionMessages.inc();
      const source = sources.get(result);
      if (source) noteSubscriptionSend(source.payload, source.first);
    },
    onComplete: (ctx: object, id: string) => {
      const operation = running.get(ctx)?.get(id);
      if (operation === undefined) return;
      running.get(ctx)!.delete(id);
      activeSubscriptions.dec({ operation });
    },
  };
}

/** Counts open WebSocket connections of a server. */
export function countConnections(wsServer: WebSocketServer): void {
  wsServer.on("connection", (socket) => {
    wsConnections.inc();
    socket.once("close", () => wsConnections.dec());
  });
}

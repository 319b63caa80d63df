import {
  execute,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
} from "graphql";
import type { Context } from "../context";
import { sharedExecutions } from "../observability/metrics";

/**
 * Subscription root fields whose payload is one object sent to every subscriber of a key, and whose result
 * depends only on that payload, the operation and what the caller may see: dashboards (the hub computes one
 * `Dashboard` per (unit, year, month), scope is checked when subscribing, and the figures carry no personal
 * field). Event streams are left out: their payloads are made per subscriber.
 */
const SHARED_ROOT_FIELDS = new Set(["dashboard"]);

type Result = ExecutionResult | Promise<ExecutionResult>;

/** One execution and, once asked for, its JSON (serialised once for every subscriber that shares it). */
interface Shared {
  result: Result;
  json: Promise<string> | null;
}

/** payload → document → (variables, operation, what the caller may see) → the execution. */
const memo = new WeakMap<object, Map<DocumentNode, Map<string, Shared>>>();
const shareable = new WeakMap<DocumentNode, boolean>();
const keys = new WeakMap<object, string>();
// Label-bound once: this runs for every subscriber of every update.
const executed = sharedExecutions.labels({ outcome: "executed" });
const reused = sharedExecutions.labels({ outcome: "reused" });
const unshared = sharedExecutions.labels({ outcome: "unshared" });

export function isShareable(args: ExecutionArgs): boolean {
  let known = shareable.get(args.document);
  if (known === undefined) {
    const operation = getOperationAST(args.document, args.operationName ?? undefined);
    const fields = operation?.selectionSet.selections ?? [];
    known =
      operation?.operation === "subscription" &&
      fields.length === 1 &&
      fields[0].kind === "Field" &&
      SHARED_ROOT_FIELDS.has((fields[0] as FieldNode).name.value);
    shareable.set(args.document, known);
  }
  return known;
}

/**
 * What decides a result besides the payload and the document: the variables and operation name, and everything
 * authorisation reads from the viewer (roles, subtree, own member record, API key or not: `seesPersonal`,
 * `covers`, the API-key rules). Two subscriptions with the same key cannot get different results. Computed once
 * per subscription (each has its own context).
 */
function keyOf(args: ExecutionArgs): string {
  const context = args.contextValue as Context;
  let key = keys.get(context);
  if (key === undefined) {
    const viewer = context.viewer;
    key = JSON.stringify([
      args.operationName ?? null,
      args.variableValues ?? null,
      viewer ? [[...viewer.roles].sort(), viewer.unitPath, viewer.memberId, viewer.apiKeyId != null] : null,
      context.callerClass,
    ]);
    keys.set(context, key);
  }
  return key;
}

/** The shared execution of a shareable subscription's event (callers check `isShareable` first). */
function sharedEntry(args: ExecutionArgs, payload: object): Shared {
  let byDocument = memo.get(payload);
  if (!byDocument) memo.set(payload, (byDocument = new Map()));
  let byKey = byDocument.get(args.document);
  if (!byKey) byDocument.set(args.document, (byKey = new Map()));
  const key = keyOf(args);
  let entry = byKey.get(key);
  if (entry === undefined) {
    executed.inc();
    entry = { result: execute(args), json: null };
    byKey.set(key, entry);
  } else reused.inc();
  return entry;
}

/**
 * graphql-js `execute` for subscription events, run once per (published payload, document, key) and shared by
 * every subscriber whose result cannot differ (see SHARED_ROOT_FIELDS, keyOf). Subscribers that subscribed with the
 * same text and variables hold the same document (OperationCache), so thousands of dashboard screens cost one
 * execution per update instead of one each. Each caller gets its own shallow copy of the result (metrics tag
 * results per subscriber). Everything else is executed as usual.
 */
export function executeShared(args: ExecutionArgs): Result {
  const payload = args.rootValue;
  if (payload === null || typeof payload !== "object" || !isShareable(args)) {
    unshared.inc();
    return execute(args);
  }
  const { result } = sharedEntry(args, payload);
  return result instanceof Promise ? result.then((r) => ({ ...r })) : { ...result };
}

/**
 * The JSON of a shareable subscription's result for this event (`args.rootValue`), made by one execution and one
 * `JSON.stringify` for every subscriber with the same key. Callers check `isShareable(args)` first.
 */
export function sharedJson(args: ExecutionArgs): Promise<string> {
  const entry = sharedEntry(args, args.rootValue as object);
  return (entry.json ??= Promise.resolve(entry.result).then((result) => JSON.stringify(result)));
}

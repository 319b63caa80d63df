import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  execute,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationTypeNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { Counter } from "prom-client";
import { LruCache } from "../lru-cache";
import { currentLog } from "../observability/logger";
import { registry } from "../observability/metrics";
import { synchronousTypeResolvers, withTypeResolvers } from "./type-resolvers";

type Gateway = NonNullable<ApolloServerOptionsWithGateway<BaseContext>["gateway"]>;
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];

/** Compiled documents kept per process; each is a generated function of a few KB to some tens of KB. */
const MAX_COMPILED = 500;
/** A document is compiled at its second execution; its first runs on graphql-js. */
const COMPILE_AT = 2;

export const jitExecutions = new Counter({
  name: "graphql_jit_executions_total",
  help: "HTTP operations by how they were executed: jit (a compiled document), first (graphql-js: the document's first execution, before it is compiled), fallback (graphql-js: a document graphql-jit cannot compile, a request refused before execution, or a graphql-jit failure).",
  labelNames: ["executor"] as const,
  registers: [registry],
});
const jitRuns = jitExecutions.labels("jit");
const fallbackRuns = jitExecutions.labels("fallback");
const notYetCompiledRuns = jitExecutions.labels("first");

/**
 * GRAPHQL_JIT: "off" executes with graphql-js; "on" (the default) compiles documents with graphql-jit. Anything else
 * fails the start, as a mistyped switch should.
 */
export function jitEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.GRAPHQL_JIT ?? "on").trim().toLowerCase();
  if (!["on", "off", ""].includes(value))
    throw new Error(`GRAPHQL_JIT must be "on" or "off", not "${env.GRAPHQL_JIT}".`);
  return value !== "off";
}

/**
 * How Apollo Server executes HTTP operations. With GRAPHQL_JIT off: the schema, executed by graphql-js. Otherwise a
 * "gateway" over the same schema: Apollo still parses, validates and runs every plugin hook (didResolveOperation,
 * responseForOperation, executionDidStart, error formatting), and only hands the validated document to the
 * executor below (requestPipeline.js `execute`), which runs it as a graphql-jit function compiled once per
 * (document, operation name), at the document's second execution. Subscriptions (graphql-ws) stay on graphql-js.
 */
export function executionOptions(
  schema: GraphQLSchema,
  env: NodeJS.ProcessEnv = process.env,
): { schema: GraphQLSchema } | { gateway: Gateway } {
  if (!jitEnabled(env)) return { schema };
  return { gateway: jitGateway(schema, createJitExecutor(schema)) };
}

/** The smallest gateway Apollo accepts: one fixed schema, announced once, and the executor. */
function jitGateway(schema: GraphQLSchema, executor: GatewayExecutor): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      // What Apollo announces for a plain schema: no supergraph SDL (only schema reporting reads it, and it falls
      // back to printSchema(apiSchema) without one; it is off here anyway, without APOLLO_KEY).
      const schemaContext = { apiSchema: schema } as Parameters<typeof callback>[0];
      callback(schemaContext);
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors leave `extensions` undefined when the error has none of its own (a resolver's plain Error,
 * a null in a non-null field); graphql-js's are `{}`. Apollo reads `error.extensions.code` before formatError and,
 * on the TypeError, answers "Internal server error" without our correlation id or log line: such errors become
 * graphql-js GraphQLErrors with the same message, locations, path and original error as graphql-js gives.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const copy = new GraphQLError(error.message, {
    path: error.path,
    // graphql-js's own errors (a null in a non-null field) wrap the GraphQLError it threw.
    originalError: error.originalError ?? new GraphQLError(error.message),
  });
  // graphql-js derives locations from nodes, which graphql-jit does not keep; it has the locations themselves.
  (copy as { locations?: GraphQLError["locations"] }).locations = error.locations;
  return copy;
}

export interface JitExecutor {
  (requestContext: GatewayRequestContext): Promise<ExecutionResult>;
  /** Documents compiled (or found not compilable) and kept. */
  readonly cached: number;
}

export interface JitOptions {
  /** Compiled documents kept (least recently used dropped first). */
  max?: number;
  /**
   * The request for a (document, operation) at which it is compiled; the ones before run on graphql-js. Compiling
   * costs several executions (bench (b): ~10 ms, the introspection query ~35 ms), so a document seen once (a
   * one-off query, or a flood of distinct ones) never pays for it.
   */
  compileAt?: number;
}

/**
 * Executes like graphql-js's `execute`, with graphql-jit. Whatever graphql-jit cannot compile, and any result
 * that stopped before execution (variables that do not coerce, no such operation), is executed by graphql-js,
 * so those errors carry graphql-js's messages and nodes (Apollo derives BAD_USER_INPUT from them).
 */
export function createJitExecutor(
  schema: GraphQLSchema,
  { max = MAX_COMPILED, compileAt = COMPILE_AT }: JitOptions = {},
): JitExecutor {
  /** null: graphql-jit could not compile this document (remembered, so it is not tried again). */
  const compiled = new LruCache<string, CompiledQuery | null>(max);
  /** How many times a document not compiled yet has been executed. */
  const sightings = new LruCache<string, number>(max * 4);
  const typeResolvers = synchronousTypeResolvers(schema);

  const compile = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    try {
      const outcome = withTypeResolvers(typeResolvers, () =>
        compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true }),
      );
      return isCompiledQuery(outcome) ? outcome : null;
    } catch (error) {
      currentLog().warn({ err: error, operationName }, "graphql-jit could not compile a document");
      return null;
    }
  };

  /** The compiled function; "graphql-js" while the document is too new to compile; null when it cannot be. */
  const compiledFor = (
    document: DocumentNode,
    queryHash: string | undefined,
    operationName: string | undefined,
  ): CompiledQuery | null | "graphql-js" => {
    if (queryHash === undefined) return null; // Apollo always sets it; without it there is no key
    // Apollo's queryHash is the SHA-256 of the query text; the operation name tells the operations apart.
    const key = `${operationName ?? ""}\u0000${queryHash}`;
    const known = compiled.get(key);
    if (known !== undefined) return known;
    const seen = (sightings.get(key) ?? 0) + 1;
    if (seen < compileAt) {
      sightings.set(key, seen);
      return "graphql-js";
    }
    const result = compile(document, operationName);
    compiled.set(key, result);
    return result;
  };

  const executeWithGraphqlJs = (
    document: DocumentNode,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ) => execute({ schema, document, contextValue, variableValues, operationName });

  const executor = async (requestContext: GatewayRequestContext): Promise<ExecutionResult> => {
    const { document, context, request, queryHash } = requestContext;
    // The operation name the client sent: graphql-js resolves (or refuses) it exactly as without the gateway.
    const operationName = request.operationName ?? undefined;
    const variables = request.variables ?? undefined;
    const query = compiledFor(document, queryHash, operationName);
    if (query === "graphql-js") {
      notYetCompiledRuns.inc();
      return executeWithGraphqlJs(document, context, variables, operationName);
    }
    if (!query) {
      fallbackRuns.inc();
      return executeWithGraphqlJs(document, context, variables, operationName);
    }
    let result: ExecutionResult;
    try {
      result = await query.query(undefined, context, variables);
    } catch (error) {
      // graphql-jit reports resolver errors in the result; a throw is its own fault. A query only reads, so it
      // runs again with graphql-js; a mutation may have written, so it fails as graphql-js's would on a throw.
      const operation: OperationTypeNode | undefined = requestContext.operation?.operation;
      if (operation !== "query") throw error;
      currentLog().warn({ err: error, operationName }, "graphql-jit failed; executed with graphql-js");
      fallbackRuns.inc();
      return executeWithGraphqlJs(document, context, variables, operationName);
    }
    if (result.data === undefined) {
      // Refused before any resolver ran (variable coercion, operation resolution): graphql-js's own errors.
      fallbackRuns.inc();
      return executeWithGraphqlJs(document, context, variables, operationName);
    }
    jitRuns.inc();
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
  return Object.defineProperty(executor, "cached", { get: () => compiled.size }) as JitExecutor;
}

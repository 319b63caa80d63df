import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import {
  GraphQLError,
  getOperationAST,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { getVariableValues } from "graphql/execution/values";
import type { Context } from "./context";
import { LruCache } from "./lru-cache";
import { queryLimitRejections } from "./observability/metrics";
import {
  estimateCost,
  LIMITS,
  LimitCode,
  limitRules,
  parseLimited,
  withoutSuggestions,
  type CallerClass,
  type Limits,
} from "./query-limits";

/** Largest request body (and WebSocket frame) accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The errors for a body that cannot be read: status, code, message. */
export const BODY_TOO_LARGE = {
  status: 413,
  code: "PAYLOAD_TOO_LARGE",
  message: `The request body is over ${MAX_BODY_BYTES} bytes.`,
} as const;
export const BODY_NOT_JSON = {
  status: 400,
  code: "BAD_REQUEST",
  message: "The request body is not valid JSON.",
} as const;

function sendErrors(res: Response, status: number, code: string, message: string): void {
  res.status(status).type("application/json").send(errorsBody(code, message));
}

/**
 * Which limits a request gets, from the shape of its credentials alone (checked properly later): a signed-in
 * user's token is a JWT (three dot-separated parts); API keys and anonymous callers get the public limits.
 */
export function callerClassOf(authorization: unknown): CallerClass {
  return typeof authorization === "string" && /^Bearer\s+[\w-]+\.[\w-]+\.[\w-]+$/i.test(authorization.trim())
    ? "user"
    : "public";
}

/** Documents longer than this are checked every time rather than remembered. */
const CACHED_QUERY_CHARS = 32 * 1024;

/**
 * The token check's outcome by caller class, then by document text (the text itself is the key: no key string
 * is built per request): null when within budget, else the message.
 */
const tokenChecks: Record<CallerClass, LruCache<string, string | null>> = {
  user: new LruCache(500),
  public: new LruCache(500),
};

/** The message of TOO_MANY_TOKENS for `query` under `caller`'s limits, null when it is within them. */
function tokenCheck(query: string, caller: CallerClass): string | null {
  const cacheable = query.length <= CACHED_QUERY_CHARS;
  const known = cacheable ? tokenChecks[caller].get(query) : undefined;
  if (known !== undefined) return known;
  let outcome: string | null = null;
  try {
    parseLimited(query, LIMITS[caller]);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === LimitCode.TOO_MANY_TOKENS)
      outcome = error.message;
    // Syntax errors are Apollo's to report, with its usual code.
  }
  if (cacheable) tokenChecks[caller].set(query, outcome);
  return outcome;
}

/**
 * The TOO_MANY_TOKENS message for a request's document (`query` of the body, else of the URL's search) under the
 * limits its credentials' shape gives, or null: a query over the token budget is refused (HTTP 400) before Apollo
 * parses it. The outcome is remembered per document text and caller class, so a repeated document is not parsed
 * twice per request.
 */
export function tooManyTokens(
  body: unknown,
  searchQuery: unknown,
  authorization: string | undefined,
): string | null {
  const fromBody = (body as { query?: unknown } | null | undefined)?.query;
  const query =
    typeof fromBody === "string" ? fromBody : typeof searchQuery === "string" ? searchQuery : null;
  if (query == null) return null;
  return tokenCheck(query, callerClassOf(authorization));
}

/** A GraphQL error response's body: one error with its code. */
export function errorsBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** Body parser failures as GraphQL errors with stable codes, not HTML. */
export function bodyErrors(
  error: { type?: string; status?: number } | undefined,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (!error) return next();
  if (error.type === "entity.too.large")
    return sendErrors(res, BODY_TOO_LARGE.status, BODY_TOO_LARGE.code, BODY_TOO_LARGE.message);
  if (error.type === "entity.parse.failed")
    return sendErrors(res, BODY_NOT_JSON.status, BODY_NOT_JSON.code, BODY_NOT_JSON.message);
  next(error);
}

function costError(cost: number, limits: Limits): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} is over the limit of ${limits.cost}; ask for fewer items (first) or fewer nested lists.`,
    {
      extensions: {
        code: LimitCode.QUERY_TOO_COSTLY,
        cost: { requested: cost, limit: limits.cost },
        http: { status: 400 },
      },
    },
  );
}

/** True when the operation's variables coerce; otherwise execution refuses it (BAD_USER_INPUT) before any resolver. */
function variablesCoerce(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  return !getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors;
}

/** Per parsed document (Apollo keeps one per document text) and limits: the limit rules' errors and costs. */
interface DocumentChecks {
  ruleErrors: readonly GraphQLError[];
  /** Cost by the variables' JSON (page sizes come from variables). */
  costs: LruCache<string, number>;
}
const documentChecks = new WeakMap<DocumentNode, Map<Limits, DocumentChecks>>();

function checksOf(schema: GraphQLSchema, document: DocumentNode, limits: Limits): DocumentChecks {
  let byLimits = documentChecks.get(document);
  if (!byLimits) documentChecks.set(document, (byLimits = new Map()));
  let checks = byLimits.get(limits);
  if (!checks) {
    checks = { ruleErrors: validate(schema, document, limitRules(limits)), costs: new LruCache(100) };
    byLimits.set(limits, checks);
  }
  return checks;
}

/**
 * Runs the limit rules and the cost check on a validated operation; the first failure as a 400. Both are
 * remembered per document (rules) and per document and variables (cost): neither depends on anything else. `runs` is false
 * when the operation will be refused before anything is resolved (a limit, or variables that do not coerce): such
 * a request costs nothing from the caller's budget.
 */
function limitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: Limits,
): { errors: GraphQLError[]; cost: number; runs: boolean } {
  const checks = checksOf(schema, document, limits);
  const errors = checks.ruleErrors.map(
    (e) =>
      new GraphQLError(e.message, {
        nodes: e.nodes,
        extensions: { code: e.extensions.code ?? "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
      }),
  );
  // Variables that do not coerce: execution reports them properly (BAD_USER_INPUT); nothing to cost.
  const coerce = variablesCoerce(schema, document, operationName, variables);
  const cost = coerce ? costOf(checks, schema, document, variables) : 0;
  if (errors.length === 0 && cost > limits.cost) errors.push(costError(cost, limits));
  if (errors.length > 0) queryLimitRejections.inc({ code: String(errors[0].extensions.code) });
  return { errors, cost, runs: coerce && errors.length === 0 };
}

function costOf(
  checks: DocumentChecks,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  const key = JSON.stringify(variables);
  let cost = key.length <= CACHED_QUERY_CHARS ? checks.costs.get(key) : undefined;
  if (cost === undefined) {
    cost = estimateCost(schema, document, variables);
    if (key.length <= CACHED_QUERY_CHARS) checks.costs.set(key, cost);
  }
  return cost;
}

/**
 * The limits on HTTP: after Apollo parsed and validated the operation, the caller's limits (depth, aliases,
 * directives, fields) and its cost; Apollo's own validation rules are static, and the limits depend on the caller.
 */
export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const { errors, cost, runs } = limitErrors(
            schema,
            document,
            request.operationName,
            request.variables ?? {},
            LIMITS[contextValue.callerClass],
          );
          contextValue.cost = cost;
          if (errors.length > 0) throw errors[0];
          // Refused before execution (the limits above, Apollo's validation before this hook, variables that
          // do not coerce): the caller's budget is not touched.
          if (!runs) return;
          contextValue.rateLimit =
            (await contextValue.rateLimits?.consume(contextValue.viewer, contextValue.clientIp, cost)) ??
            null;
        },
        async willSendResponse({ contextValue, response }) {
          const state = contextValue.rateLimit;
          if (!state) return;
          response.http.headers.set("x-ratelimit-limit", String(state.limit));
          response.http.headers.set("x-ratelimit-remaining", String(state.remaining));
          response.http.headers.set("x-ratelimit-reset", String(Math.ceil(state.resetAt.getTime() / 1000)));
          if (response.body.kind === "single") {
            const result = response.body.singleResult;
            result.extensions = {
              ...result.extensions,
              cost: {
                requested: state.cost,
                actual: countObjects(result.data),
                remaining: state.remaining,
                limit: state.limit,
              },
            };
          }
        },
      };
    },
  };
}

/** The same checks for graphql-ws operations: tokens, graphql-js rules plus the limits, cost. */
export function checkOperation(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown>,
  limits: Limits,
  operationName?: string | null,
): { document: DocumentNode; cost: number; runs: boolean } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parseLimited(query, limits);
  } catch (error) {
    return {
      errors: [
        error instanceof GraphQLError
          ? error
          : new GraphQLError("The query could not be parsed.", {
              extensions: { code: "GRAPHQL_PARSE_FAILED" },
            }),
      ],
    };
  }
  const invalid = validate(schema, document, specifiedRules);
  if (invalid.length > 0) {
    return {
      errors: invalid.map(
        (e) =>
          new GraphQLError(withoutSuggestions(e.message), {
            nodes: e.nodes,
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          }),
      ),
    };
  }
  const { errors, cost, runs } = limitErrors(schema, document, operationName, variables, limits);
  return errors.length > 0 ? { errors } : { document, cost, runs };
}

/** Objects actually returned: the cost a query turned out to have (reported beside the estimate it paid). */
export function countObjects(data: unknown): number {
  if (Array.isArray(data)) return data.reduce((n: number, item) => n + countObjects(item), 0);
  if (data && typeof data === "object")
    return (
      1 +
      Object.values(data).reduce((n: number, v) => n + (v && typeof v === "object" ? countObjects(v) : 0), 0)
    );
  return 0;
}

import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError } from "graphql";
import { ErrorCode } from "./errors";
import { currentLog, currentRequestId } from "./observability/logger";

/** Codes that Apollo and graphql-js themselves produce for requests that are wrong, not for server faults. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  ...Object.values(ErrorCode),
]);

/**
 * Errors the client caused keep their message and code; anything else (a bug, a lost database) becomes
 * INTERNAL_SERVER_ERROR with a correlation id that the log line carries too. Never a stack trace or SQL.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId?: string,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = String(formatted.extensions?.code ?? "");
  // Our own errors are GraphQLErrors with a stable code; Apollo's and graphql-js's request errors carry theirs.
  const ours = original instanceof GraphQLError && code !== "" && code !== ErrorCode.INTERNAL_SERVER_ERROR;
  if (ours || (CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Over HTTP the correlation id is the request id (X-Request-Id), so the error, the response header and every
  // log line of the request share it.
  const correlationId = requestId ?? currentRequestId() ?? randomUUID();
  currentLog().error(
    { correlationId, err: original instanceof Error ? original : new Error(String(original)) },
    "unexpected error in a GraphQL operation",
  );
  return {
    message: `Internal error; quote ${correlationId} when reporting it.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}

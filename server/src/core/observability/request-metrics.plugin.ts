import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context";
import { annotateRequest } from "./logger";
import { operationLabel, requestDuration, requestSqlStatements } from "./metrics";

/**
 * Apollo plugin: the latency of every GraphQL request over HTTP by operation name and type (query, mutation;
 * "unknown" when the document did not parse or validate), with its outcome, and the SQL statements it ran.
 */
export function requestMetricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let type = "unknown";
      let operation = "anonymous";
      return {
        async didResolveOperation({ operation: ast, operationName }) {
          type = ast?.operation ?? "unknown";
          operation = operationLabel(operationName);
          annotateRequest({ operation: operationName ?? null, type });
        },
        async willSendResponse({ contextValue, response, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === "single" && (response.body.singleResult.errors?.length ?? 0) > 0);
          requestDuration.observe({ operation, type, outcome: failed ? "error" : "ok" }, seconds);
          if (contextValue?.sql) requestSqlStatements.observe({ type }, contextValue.sql.statements);
        },
      };
    },
  };
}

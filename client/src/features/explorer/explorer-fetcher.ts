import { getOperationAST, parse } from "graphql";
import type { Client, FormattedExecutionResult } from "graphql-ws";

export interface ExplorerRequest {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export interface ExplorerFetcherOptions {
  /** The API's HTTP path, `/graphql`. */
  url: string;
  /** The signed-in user's token now (read at every request, so a new sign-in is used); null when anonymous. */
  token: () => string | null;
  /** graphql-ws client for subscriptions, made on first use. */
  socket: () => Pick<Client, "iterate">;
  fetch?: typeof globalThis.fetch;
}

/** True when the request runs a subscription (sent over graphql-ws rather than HTTP). */
export function isSubscription(request: ExplorerRequest): boolean {
  try {
    return (
      getOperationAST(parse(request.query), request.operationName ?? undefined)?.operation === "subscription"
    );
  } catch {
    return false; // a query that does not parse goes to the server, which says why
  }
}

/**
 * GraphiQL's fetcher: queries and mutations over HTTP with `Authorization: Bearer <token>` while signed in
 * (unless the headers editor sets one), subscriptions over graphql-ws (whose socket sends the token in
 * `connection_init`). Error answers (HTTP 400, 401…) are GraphQL bodies too: they are shown as the server wrote
 * them, with their `extensions.code`.
 */
export function createExplorerFetcher(options: ExplorerFetcherOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return (
    request: ExplorerRequest,
    opts?: { headers?: Record<string, unknown> },
  ): Promise<FormattedExecutionResult> | AsyncIterable<FormattedExecutionResult> => {
    if (isSubscription(request)) {
      return options.socket().iterate({
        query: request.query,
        operationName: request.operationName ?? undefined,
        variables: (request.variables ?? undefined) as Record<string, unknown> | undefined,
      });
    }
    return (async () => {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        accept: "application/json",
      };
      const token = options.token();
      if (token) headers.authorization = `Bearer ${token}`;
      for (const [name, value] of Object.entries(opts?.headers ?? {})) {
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
      }
      const response = await doFetch(options.url, {
        method: "POST",
        headers,
        body: JSON.stringify({
          query: request.query,
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? undefined,
        }),
      });
      const text = await response.text();
      try {
        return JSON.parse(text) as FormattedExecutionResult;
      } catch {
        return {
          errors: [{ message: `HTTP ${response.status}`, extensions: { code: "HTTP_ERROR" } }],
        } as never;
      }
    })();
  };
}

/** The query the explorer opens with: a unit, its summary and its cells with who directs them. */
export const EXAMPLE_QUERY = `# Cán bộ phụ trách — GraphQL API. Ctrl+Enter runs the query; the Docs button lists every type.
# Signed in, your token is sent with each request; anonymous callers see the public reference data.
query CoDo {
  orgUnit(code: "925") {
    name
    kind
    summary(year: 2016) {
      ntm {
        communeCount
        communesRecognised
      }
    }
    children {
      code
      name
      ntmCriteriaMet(year: 2016)
    }
  }
}
`;

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";

/**
 * The one place that knows where the API lives. The path is relative: in production the API server serves
 * this app from the same origin, and in development Vite proxies it (see vite.config.ts).
 */
export const GRAPHQL_PATH = "/graphql";

/** Subscriptions use graphql-ws on the same path and port as HTTP. */
export function webSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: GRAPHQL_PATH });
  // lazy: the socket opens with the first subscription and closes after the last one ends.
  const ws = new GraphQLWsLink(createClient({ url: webSocketUrl(window.location), lazy: true }));
  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    ws,
    http,
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

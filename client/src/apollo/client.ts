import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient, type Client } from "graphql-ws";
import type { AuthStore } from "../auth/auth-store";
import {
  authorizationHeader,
  isAuthRefusedClose,
  sessionEndFor,
  shouldRetrySocket,
  wsConnectionParams,
} from "../auth/auth-view";
import { authFailureCode } from "./failure";
import { watchConnection } from "./live";
import { persistedOperationsLink } from "./persisted-operations";

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

/**
 * Operation context the links below read. `anonymous: true` sends an operation without the token (signIn:
 * a stale token would get the request refused before the mutation runs); `sentToken` records what was sent.
 */
interface AuthOperationContext {
  anonymous?: boolean;
  sentToken?: string | null;
}

function authContextOf(operation: ApolloLink.Operation): AuthOperationContext {
  const { anonymous, sentToken } = operation.getContext();
  return {
    anonymous: anonymous === true,
    sentToken: typeof sentToken === "string" ? sentToken : null,
  };
}

/**
 * Milliseconds before reconnection attempt `retries` (0 first): doubling from 1 s up to 30 s, plus 0.3–3 s of
 * jitter so that a room of screens does not reconnect in step after a server restart.
 */
export function reconnectDelay(retries: number, random: () => number = Math.random): number {
  return Math.min(1000 * 2 ** retries, 30_000) + 300 + Math.floor(random() * 2700);
}

/** The graphql-ws client behind each Apollo client made here (see `liveClientOf`). */
const socketClients = new WeakMap<ApolloClient, Client>();

/**
 * The graphql-ws client behind an Apollo client from `createApolloClient`, for live.ts's resumable
 * subscriptions (they change `since` on each reconnection, which Apollo's link cannot); null for others.
 */
export function liveClientOf(client: ApolloClient): Client | null {
  return socketClients.get(client) ?? null;
}

export function createApolloClient(auth: AuthStore): ApolloClient {
  // Adds `Authorization: Bearer <token>` to HTTP requests while signed in.
  const authLink = new ApolloLink((operation, forward) => {
    const token = authContextOf(operation).anonymous ? null : auth.token();
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      sentToken: token,
      headers: token ? { ...headers, authorization: authorizationHeader(token) } : headers,
    }));
    return forward(operation);
  });

  // A refused or expired token ends the session (once the answer has been delivered), unless it is an old one.
  const errorLink = new ErrorLink(({ error, operation }) => {
    const { sentToken = null } = authContextOf(operation);
    const end = sessionEndFor(authFailureCode(error), sentToken);
    if (end && sentToken) setTimeout(() => void auth.end(end, sentToken), 0);
  });

  // The token sent in the socket's connection_init; read at each (re)connection, so a new sign-in is used.
  let socketToken: string | null = null;
  const wsClient = createClient({
    url: webSocketUrl(window.location),
    // lazy: the socket opens with the first subscription and closes after the last one ends.
    lazy: true,
    connectionParams: () => {
      socketToken = auth.token();
      return wsConnectionParams(socketToken);
    },
    shouldRetry: shouldRetrySocket,
    // A meeting-room monitor stays up through a server restart or an outage: keep trying, at most every 30 s.
    retryAttempts: Infinity,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries))),
    on: {
      closed: (event) => {
        if (isAuthRefusedClose(event) && socketToken) void auth.end("rejected", socketToken);
      },
    },
  });
  // Before anything subscribes, so live.ts knows whether the socket is open.
  watchConnection(wsClient);
  const ws = new GraphQLWsLink(wsClient);

  const link = ApolloLink.from([
    errorLink,
    authLink,
    ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      ws,
      // Generated documents go as their build-time hash only (persisted operations), the others in full.
      persistedOperationsLink().concat(new HttpLink({ uri: GRAPHQL_PATH })),
    ),
  ]);
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  socketClients.set(client, wsClient);

  // On sign-in, sign-out and expiry: reconnect the socket with the new identity and forget the old one's data.
  auth.setBeforeChange(async () => {
    wsClient.terminate();
    await client.clearStore();
  });
  return client;
}

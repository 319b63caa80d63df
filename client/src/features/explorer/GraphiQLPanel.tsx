import { GraphiQL, type GraphiQLProps } from "graphiql";
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createClient, type Client } from "graphql-ws";
import { useEffect, useMemo } from "react";
import { GRAPHQL_PATH, webSocketUrl } from "../../apollo/client";
import { wsConnectionParams } from "../../auth/auth-view";
import { useAuth } from "../../auth/context";
import { createExplorerFetcher, EXAMPLE_QUERY } from "./explorer-fetcher";

/** GraphiQL with the app's endpoint and the signed-in user's token (read at each request). */
export function GraphiQLPanel() {
  const { state } = useAuth();
  const token = state.session?.token ?? null;

  // One socket per identity: subscriptions sent after a sign-in or sign-out use the new token.
  const socket = useMemo<{ get: () => Client; dispose: () => void }>(() => {
    let client: Client | null = null;
    return {
      get: () =>
        (client ??= createClient({
          url: webSocketUrl(window.location),
          lazy: true,
          connectionParams: () => wsConnectionParams(token),
        })),
      dispose: () => void client?.dispose(),
    };
  }, [token]);
  useEffect(() => () => socket.dispose(), [socket]);

  // GraphiQL's type wants errors as GraphQLError instances; what arrives over the wire are their JSON forms,
  // which is what it displays anyway.
  const fetcher = useMemo(
    () =>
      createExplorerFetcher({
        url: GRAPHQL_PATH,
        token: () => token,
        socket: socket.get,
      }) as GraphiQLProps["fetcher"],
    [token, socket],
  );

  return (
    <div style={{ height: "max(520px, calc(100vh - 300px))" }}>
      <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE_QUERY} />
    </div>
  );
}

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import express from "express";
import type { DataSource } from "typeorm";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Config } from "./config";
import { GraphQLError } from "graphql";
import { createAuthenticator } from "./core/auth/authenticator";
import { createTokenAuthority } from "./core/auth/token";
import type { Viewer } from "./core/auth/viewer";
import { createContext, type Context, type ContextServices } from "./core/context";
import { startLive, type LiveServices } from "./core/live/live";
import { OperationCache } from "./core/live/operation-cache";
import { executeShared } from "./core/live/shared-execution";
import { deliverTo, subscribeDirect } from "./core/live/direct-fanout";
import { ErrorCode } from "./core/errors";
import { bodyErrors, limitsPlugin, MAX_BODY_BYTES } from "./core/http-guards";
import { graphqlHttp, type GraphQLHttp } from "./core/http/graphql-http";
import { loadPersistedOperations, resolveOperation } from "./core/persisted-operations";
import { RateLimits } from "./core/rate-limit";
import { formatError } from "./core/format-error";
import { clientAddress, trustProxySetting, type TrustProxy } from "./core/observability/client-address";
import { configureLogger, httpLogger, logger } from "./core/observability/logger";
import { instanceInfo } from "./core/observability/metrics";
import { metricsHandler, watchLive } from "./core/observability/metrics-endpoint";
import { requestMetricsPlugin } from "./core/observability/request-metrics.plugin";
import { countConnections, subscriptionMetricsHooks } from "./core/observability/subscription-metrics";
import { dialectOf } from "./db/data-source";
import { createSchema } from "./schema/build-schema";
import { executionOptions } from "./core/execution/executor";
import { responseCachePlugin } from "./core/response-cache/plugin";

export const GRAPHQL_PATH = "/graphql";

export interface RunningServer {
  url: string;
  wsUrl: string;
  httpServer: http.Server;
  /** The process's event feed and dashboard hub. */
  live: LiveServices;
  /** True when the built web client is served at `/`. */
  servesClient: boolean;
  stop(): Promise<void>;
}

/**
 * HTTP and WebSocket on one port and one path: Apollo Server for queries and mutations over HTTP, graphql-ws
 * for subscriptions. `stop()` drains both: no new connections, open requests finish, sockets close.
 */
export async function startServer(config: Config, db: DataSource): Promise<RunningServer> {
  configureLogger({ level: config.LOG_LEVEL, instanceId: config.INSTANCE_ID });
  instanceInfo.set({ instance_id: config.INSTANCE_ID, database: dialectOf(config) }, 1);
  const schema = await createSchema();
  const tokens = createTokenAuthority(config);
  const live = await startLive(config, db, tokens);
  const authenticator = createAuthenticator(db, tokens, live);
  const unwatchLive = watchLive(live);
  const rateLimits = new RateLimits(db, config.REDIS_URL);
  // The first-party client's documents, by hash (client/codegen.ts writes the manifest at build time).
  const persistedOperations = loadPersistedOperations(config.PERSISTED_OPERATIONS_FILE);
  const services: ContextServices = { db, tokens, live, rateLimits };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(config.TRUST_PROXY));
  const trustProxy = app.get("trust proxy fn") as TrustProxy | undefined;
  // X-Request-Id comes from the request log, X-SQL-Statements from graphql-http.ts: no Apollo plugin for headers.
  const wsClientIp = (req: http.IncomingMessage) => clientAddress(req, trustProxy);
  // First: every response (GraphQL, health, metrics, the client) carries X-Request-Id and X-Instance-Id.
  const logRequest = httpLogger(config.INSTANCE_ID);
  app.use(logRequest);
  // A POST of JSON to /graphql is served without express (graphql-http.ts); express serves everything else.
  // Set once the GraphQL handler exists (below); until then express answers everything.
  const fast: { graphql?: GraphQLHttp["handle"] } = {};
  const httpServer = http.createServer((req, res) => {
    if (!fast.graphql?.(req, res)) app(req, res);
  });

  // 1 MiB a frame: a larger one closes the socket with 1009 before it is read.
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: GRAPHQL_PATH,
    maxPayload: MAX_BODY_BYTES,
  });
  countConnections(wsServer);
  // Which instance answered the upgrade (useful behind a load balancer).
  wsServer.on("headers", (headers) => headers.push(`X-Instance-Id: ${config.INSTANCE_ID}`));
  // Sockets opened with an API key, so that revoking the key closes them at once, on every instance.
  const keySockets = new Map<number, Set<WebSocket>>();
  const trackKeySocket = (keyId: number, socket: WebSocket) => {
    const sockets = keySockets.get(keyId) ?? new Set<WebSocket>();
    keySockets.set(keyId, sockets.add(socket));
    socket.once("close", () => sockets.delete(socket));
  };
  live.feed.listen((events) => {
    for (const event of events) {
      if (event.action !== "API_KEY_REVOKED") continue;
      for (const socket of keySockets.get(event.entityId) ?? []) socket.close(4403, "API key revoked");
      keySockets.delete(event.entityId);
    }
  });
  // Subscribers with the same document and variables share one parsed, validated document.
  const subscriptionOperations = new OperationCache(schema);
  const subscriptionHooks = subscriptionMetricsHooks(executeShared);
  const wsCleanup = useServer<
    Record<string, unknown>,
    { viewer?: Viewer | null; socket: WebSocket; clientIp?: string }
  >(
    {
      schema,
      // Each event is executed once for all the subscribers whose result cannot differ (dashboards).
      ...subscriptionHooks,
      // Dashboards: one execution and one serialisation per update, the same frame written to every socket.
      subscribe: (args) => subscribeDirect(args, subscriptionHooks.subscribe),
      // The token travels in connection_init; a bad one closes the socket with 4403 before any operation.
      onConnect: async (c) => {
        // The address is all this server needs of the upgrade request: let the request itself be collected
        // (its headers and streams are about 1 KB per connection).
        c.extra.clientIp = wsClientIp(c.extra.request);
        Reflect.deleteProperty(c.extra, "request");
        try {
          c.extra.viewer = await authenticator.authenticate(
            c.connectionParams?.authorization ?? c.connectionParams?.Authorization,
            c.connectionParams?.apiKey,
          );
          const keyId = c.extra.viewer?.apiKeyId;
          if (keyId != null) trackKeySocket(keyId, c.extra.socket);
          return true;
        } catch {
          return false;
        }
      },
      // The same limits as HTTP (Apollo's validation rules do not run here by themselves), then a fresh
      // context (and fresh loaders) per operation, for the connection's viewer.
      onSubscribe: async (c, id, payload) => {
        const operation = resolveOperation(persistedOperations, payload);
        if ("error" in operation) return [operation.error];
        const checked = subscriptionOperations.check(
          String(operation.query),
          payload.variables ?? {},
          c.extra.viewer && c.extra.viewer.userId > 0 ? "user" : "public",
          payload.operationName,
        );
        if ("errors" in checked) return checked.errors;
        // graphql-ws keeps this message as long as the subscription runs: one shared copy of the text.
        if (typeof payload.query === "string")
          (payload as { query: string }).query = subscriptionOperations.intern(payload.query);
        const clientIp = c.extra.clientIp ?? "unknown";
        try {
          // Variables that do not coerce: refused before execution, at no cost.
          if (checked.runs) await rateLimits.consume(c.extra.viewer ?? null, clientIp, checked.cost);
        } catch (error) {
          return [error as GraphQLError];
        }
        const contextValue = createContext(services, c.extra.viewer ?? null, undefined, clientIp);
        deliverTo(contextValue, c.extra.socket, id);
        return {
          schema,
          document: checked.document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue,
        };
      },
      onError: (_ctx, _id, _payload, errors) => {
        logger.warn({ where: "graphql-ws", errors: errors.map((e) => e.message) }, "subscription error");
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    ...executionOptions(schema),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    // Only the build makes documents known (persisted-operations.ts): no automatic registration by hash.
    persistedQueries: false,
    formatError: (formatted, error) => formatError(formatted, error),
    plugins: [
      limitsPlugin(schema),
      responseCachePlugin(db, live),
      requestMetricsPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching hints are used, and the default cache-control plugin wraps every field resolver
      // (willResolveField); no Apollo Studio either (usage reports, inline traces).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              unwatchLive();
              await live.stop();
              rateLimits.close();
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get("/metrics", metricsHandler(config.METRICS_TOKEN));

  app.get("/healthz", async (_req, res) => {
    try {
      await db.query("SELECT 1");
      res.json({ status: "ok", database: dialectOf(config) });
    } catch (error) {
      res
        .status(503)
        .json({ status: "unavailable", database: dialectOf(config), error: (error as Error).message });
    }
  });

  const graphql = graphqlHttp({
    apollo,
    path: GRAPHQL_PATH,
    persistedOperations,
    beginLog: logRequest,
    clientIp: wsClientIp,
    context: async (req, clientIp, sql) => {
      try {
        return createContext(
          services,
          await authenticator.authenticate(req.headers.authorization, req.headers["x-api-key"]),
          sql,
          clientIp,
        );
      } catch (error) {
        const code = error instanceof GraphQLError ? error.extensions.code : ErrorCode.UNAUTHENTICATED;
        throw new GraphQLError(error instanceof Error ? error.message : "Not signed in.", {
          extensions: { code, http: { status: 401 } },
        });
      }
    },
  });
  fast.graphql = graphql.handle;
  app.use(GRAPHQL_PATH, express.json({ limit: MAX_BODY_BYTES }), (req, res, next) => {
    graphql.serve(req, res, req.body).catch(next);
  });
  app.use(GRAPHQL_PATH, bodyErrors);

  const servesClient =
    Boolean(config.CLIENT_DIST) && fs.existsSync(path.join(config.CLIENT_DIST, "index.html"));
  if (servesClient) {
    app.use(express.static(config.CLIENT_DIST, { index: "index.html", maxAge: "1h" }));
    app.get(/^(?!\/graphql|\/healthz|\/metrics).*/, (_req, res) =>
      res.sendFile(path.join(config.CLIENT_DIST, "index.html")),
    );
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    wsUrl: `ws://${host}:${port}${GRAPHQL_PATH}`,
    httpServer,
    servesClient,
    live,
    stop: () => (stopping ??= apollo.stop()),
  };
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Every metric the API exports at GET /metrics (Prometheus text format), in one registry. Metrics are process-wide:
 * each API instance is scraped on its own and Prometheus adds the `instance` label.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const requestDuration = new Histogram({
  name: "graphql_request_duration_seconds",
  help: "GraphQL operations over HTTP, from the request's start to the response, by operation name and type.",
  labelNames: ["operation", "type", "outcome"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const requestSqlStatements = new Histogram({
  name: "graphql_request_sql_statements",
  help: "SQL statements one GraphQL request over HTTP ran, by operation type.",
  labelNames: ["type"] as const,
  buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144],
  registers: [registry],
});

export const sqlStatements = new Counter({
  name: "sql_statements_total",
  help: "SQL statements sent to the database: for an HTTP request, or in the background (event feed, dashboards, subscriptions).",
  labelNames: ["source"] as const,
  registers: [registry],
});

export const wsConnections = new Gauge({
  name: "graphql_ws_connections",
  help: "Open graphql-ws WebSocket connections.",
  registers: [registry],
});

export const activeSubscriptions = new Gauge({
  name: "graphql_ws_active_subscriptions",
  help: "Subscriptions running on this instance, by operation name.",
  labelNames: ["operation"] as const,
  registers: [registry],
});

export const subscriptionsStarted = new Counter({
  name: "graphql_ws_subscriptions_started_total",
  help: "Subscriptions started on this instance, by operation name.",
  labelNames: ["operation"] as const,
  registers: [registry],
});

export const subscriptionMessages = new Counter({
  name: "graphql_ws_messages_sent_total",
  help: "`next` messages sent to subscribers.",
  registers: [registry],
});

export const sharedExecutions = new Counter({
  name: "graphql_ws_executions_total",
  help: "Executions of subscription events: `executed` ran graphql-js, `reused` took the result another subscriber's identical execution made (dashboards), `unshared` ran for one subscriber only.",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const eventLag = new Histogram({
  name: "live_event_lag_seconds",
  help: "Event lag by stage: commit_to_read (the event row's time to this instance's feed reading it), read_to_send (feed read to a subscriber being sent it), commit_to_send (the sum). On SQLite the row's time has one-second resolution.",
  labelNames: ["stage"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [registry],
});

export const eventsRead = new Counter({
  name: "live_events_read_total",
  help: "Event rows the feed read, by what woke it: a signal (local commit or pub/sub) or the periodic poll.",
  labelNames: ["via"] as const,
  registers: [registry],
});

export const pubsubFallbacks = new Counter({
  name: "live_pubsub_fallback_reads_total",
  help: "Feed reads started by the periodic poll that found events: changes the pub/sub signal missed or had not delivered yet.",
  registers: [registry],
});

export const rateLimitRejections = new Counter({
  name: "rate_limit_rejections_total",
  help: "Operations refused with RATE_LIMITED (HTTP 429), by caller kind.",
  labelNames: ["caller"] as const,
  registers: [registry],
});

export const queryLimitRejections = new Counter({
  name: "query_limit_rejections_total",
  help: "Operations refused for depth, aliases, directives, fields or cost, by error code.",
  labelNames: ["code"] as const,
  registers: [registry],
});

export const instanceInfo = new Gauge({
  name: "app_instance_info",
  help: "Always 1; the instance id (INSTANCE_ID) and database dialect of this process.",
  labelNames: ["instance_id", "database"] as const,
  registers: [registry],
});

/** Operation names come from clients: past this many distinct names, the rest are counted as "other". */
const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();

/** A bounded, safe label value for a client-chosen operation name. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return "other";
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return "other";
  seenOperations.add(name);
  return name;
}

// Series that exist from the start, so that rates and alerts see a 0 rather than nothing.
for (const source of ["request", "background"]) sqlStatements.inc({ source }, 0);
for (const via of ["signal", "poll"]) eventsRead.inc({ via }, 0);
for (const caller of ["api_key", "anonymous"]) rateLimitRejections.inc({ caller }, 0);
for (const stage of ["commit_to_read", "read_to_send", "commit_to_send"]) eventLag.zero({ stage });

import { Writable } from "node:stream";
import pino from "pino";
import WebSocket from "ws";
import { formatError } from "../format-error";
import { fromGlobalId, toGlobalId } from "../global-id";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";
import { sleep, subscribe, wsClient } from "../../test/live-client";
import { logger, requestScope } from "./logger";

const TOKEN = "metrics-test-token-0123456789";

/** Prometheus text format → "name{labels}" → value (labels as printed, in prom-client's order). */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return values;
}

/** The sum of every series of a metric whose labels include all of `labels`. */
function total(metrics: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const [series, value] of metrics) {
    const brace = series.indexOf("{");
    if ((brace === -1 ? series : series.slice(0, brace)) !== name) continue;
    if (Object.entries(labels).every(([k, v]) => series.includes(`${k}="${v}"`))) sum += value;
  }
  return sum;
}

describe("GET /metrics and request ids", () => {
  let server: TestServer;
  let trungan: TestClient;
  let admin: TestClient;
  let metricsUrl: string;

  beforeAll(async () => {
    server = await startTestServer("sqlite", {
      config: { METRICS_TOKEN: TOKEN, EVENT_POLL_MS: 200, INSTANCE_ID: "metrics-test-1" },
    });
    [trungan, admin] = await Promise.all([server.as("committee.trungan"), server.as("admin")]);
    metricsUrl = server.server.url.replace(/\/graphql$/, "/metrics");
  });
  afterAll(() => server?.stop());

  const scrape = async () => {
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    return parseMetrics(await response.text());
  };

  /** A pledge of a Trung An cell put in REPORTED state (set-up straight in the table) for committee.trungan. */
  async function reportedTrungAnPledge(): Promise<string> {
    const rows: { id: number }[] = await server.db.query(
      `SELECT p.id FROM pledge p JOIN org_unit u ON u.id = p.unit_id JOIN org_unit x ON x.id = u.parent_id
       WHERE x.code = '925.02' AND p.status = 'REGISTERED' ORDER BY p.id LIMIT 1`,
    );
    await server.db.query("UPDATE pledge SET status = 'REPORTED' WHERE id = ?", [rows[0].id]);
    return `${rows[0].id}`;
  }

  it("refuses a scrape without the token when METRICS_TOKEN is set", async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("shows the counters moving after queries, a refused query, a confirmation and a subscription", async () => {
    const before = await scrape();
    expect(total(before, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(total(before, "app_instance_info", { instance_id: "metrics-test-1", database: "sqlite" })).toBe(1);

    // Three named queries and one over the public depth limit.
    for (let i = 0; i < 3; i++) {
      const response = await fetch(server.server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `query MetricsProbe { orgUnit(code: "925") { name children { name } } }`,
        }),
      });
      expect(response.status).toBe(200);
    }
    const deep = await server.gql(
      `{ orgUnit(code: "92") { children { children { children { children { children { children { name } } } } } } } }`,
    );
    expect(deep.errors?.[0].extensions?.code).toBe("QUERY_TOO_DEEP");

    // A subscriber, then a confirmation it receives.
    const ws = wsClient(server.server.wsUrl, trungan.token);
    const sub = subscribe(
      ws,
      `subscription Landed { confirmationLanded(unit: { code: "925.02" }) { event { id } pledge { id status } } }`,
    );
    await sleep(300);
    const during = await scrape();
    expect(total(during, "graphql_ws_active_subscriptions", { operation: "confirmationLanded" })).toBe(1);
    expect(total(during, "graphql_ws_connections")).toBeGreaterThanOrEqual(1);

    const pledgeId = await reportedTrungAnPledge();
    const confirmed = await trungan.data(
      `mutation Confirm($id: ID!) { confirmPledge(input: { id: $id }) { status } }`,
      { id: toGlobalId("Pledge", pledgeId) },
    );
    expect(confirmed.confirmPledge.status).toBe("CONFIRMED");
    const message = await sub.next(5000);
    expect(fromGlobalId(message.confirmationLanded.pledge.id).id).toBe(Number(pledgeId));
    sub.close();
    await ws.dispose();
    await sleep(200);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      total(after, name, labels) - total(before, name, labels);
    expect(
      moved("graphql_request_duration_seconds_count", {
        operation: "MetricsProbe",
        type: "query",
        outcome: "ok",
      }),
    ).toBe(3);
    expect(
      moved("graphql_request_duration_seconds_count", {
        operation: "Confirm",
        type: "mutation",
        outcome: "ok",
      }),
    ).toBe(1);
    expect(moved("graphql_request_sql_statements_count", { type: "query" })).toBeGreaterThanOrEqual(3);
    expect(moved("sql_statements_total", { source: "request" })).toBeGreaterThan(3);
    expect(moved("sql_statements_total", { source: "background" })).toBeGreaterThanOrEqual(1); // the feed's read
    expect(moved("query_limit_rejections_total", { code: "QUERY_TOO_DEEP" })).toBe(1);
    expect(moved("graphql_ws_subscriptions_started_total", { operation: "confirmationLanded" })).toBe(1);
    expect(total(after, "graphql_ws_active_subscriptions", { operation: "confirmationLanded" })).toBe(0);
    expect(moved("graphql_ws_messages_sent_total")).toBeGreaterThanOrEqual(1);
    expect(moved("live_events_read_total")).toBeGreaterThanOrEqual(1);
    for (const stage of ["commit_to_read", "read_to_send", "commit_to_send"])
      expect(moved("live_event_lag_seconds_count", { stage })).toBeGreaterThanOrEqual(1);
    // SQLite stores the commit time to the second: the lag is bounded, not exact.
    expect(moved("live_event_lag_seconds_sum", { stage: "read_to_send" })).toBeLessThan(1);
    expect(moved("live_event_lag_seconds_sum", { stage: "commit_to_send" })).toBeLessThan(2.5);
  });

  it("counts an event that only the poll delivered as a pub/sub fallback", async () => {
    const before = await scrape();
    // An event row committed without a signal, as when a publish is lost: only the 200 ms poll can find it.
    await server.db.query(
      `INSERT INTO event (actor_label, action, entity_type, entity_id, unit_path) VALUES ('test', 'TEST_SILENT', 'Test', 1, '/1/')`,
    );
    await sleep(700);
    const after = await scrape();
    expect(
      total(after, "live_pubsub_fallback_reads_total") - total(before, "live_pubsub_fallback_reads_total"),
    ).toBe(1);
    expect(
      total(after, "live_events_read_total", { via: "poll" }) -
        total(before, "live_events_read_total", { via: "poll" }),
    ).toBe(1);
  });

  it("counts rate-limit rejections", async () => {
    const key = await admin.data(
      `mutation { createApiKey(input: { name: "Đo giới hạn", unit: { code: "925" }, pointsPerHour: 3 }) { secret } }`,
    );
    const before = await scrape();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(server.server.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": key.createApiKey.secret },
        body: JSON.stringify({ query: `{ orgUnit(code: "925") { name } }` }),
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    const after = await scrape();
    expect(
      total(after, "rate_limit_rejections_total", { caller: "api_key" }) -
        total(before, "rate_limit_rejections_total", { caller: "api_key" }),
    ).toBe(statuses.filter((s) => s === 429).length);
  });

  it("echoes a caller's X-Request-Id, makes one up otherwise, and names the instance", async () => {
    const given = await fetch(server.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "probe-42.abc" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(given.headers.get("x-request-id")).toBe("probe-42.abc");
    expect(given.headers.get("x-instance-id")).toBe("metrics-test-1");
    const made = await fetch(server.server.url.replace(/\/graphql$/, "/healthz"), {
      headers: { "x-request-id": "not a token; <script>" },
    });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const upgrade = await new Promise<string | undefined>((resolve, reject) => {
      const socket = new WebSocket(server.server.wsUrl, "graphql-transport-ws");
      socket.once("upgrade", (response) => {
        resolve(response.headers["x-instance-id"] as string | undefined);
        socket.close();
      });
      socket.once("error", reject);
    });
    expect(upgrade).toBe("metrics-test-1");
  });

  it("writes one JSON line per request with its id, the operation and the status, and no credentials", async () => {
    const lines: string[] = [];
    const sink = { write: (line: string) => void lines.push(line) };
    const stream = pino.symbols.streamSym as unknown as keyof typeof logger;
    const original = { stream: logger[stream], level: logger.level };
    Object.assign(logger, { [stream]: sink });
    logger.level = "info";
    try {
      const response = await fetch(server.server.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-request-id": "log-probe-1",
          authorization: `Bearer ${trungan.token}`,
        },
        body: JSON.stringify({ query: "query LogProbe { viewer { username } }" }),
      });
      expect(response.status).toBe(200);
      await sleep(50);
    } finally {
      Object.assign(logger, { [stream]: original.stream });
      logger.level = original.level;
    }
    const entries = lines.map((line) => JSON.parse(line));
    const done = entries.filter((e) => e.reqId === "log-probe-1" && e.msg === "request completed");
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({
      level: "info",
      instance: "metrics-test-1",
      operation: "LogProbe",
      type: "query",
      req: { method: "POST", url: "/graphql" },
      res: { statusCode: 200 },
    });
    expect(typeof done[0].responseTime).toBe("number");
    expect(lines.join("\n")).not.toContain(trungan.token!);
  });

  it("logs an unexpected error as JSON with the request id, which is also the error's correlation id", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino({ level: "info" }, sink).child({ reqId: "req-7" });
    const formatted = requestScope.run({ requestId: "req-7", log }, () =>
      formatError(
        { message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } },
        new Error("ER_NO_SUCH_TABLE: SELECT secret"),
      ),
    );
    expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", correlationId: "req-7" });
    expect(formatted.message).toContain("req-7");
    expect(formatted.message).not.toContain("SELECT");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 50, reqId: "req-7", correlationId: "req-7" });
    expect(line.err.message).toContain("ER_NO_SUCH_TABLE");
  });
});

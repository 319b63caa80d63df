import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toGlobalId } from "../core/global-id";
import { describeWithServices, REDIS_URL, MYSQL_URL, REQUIRE_SERVICES } from "../test/databases";
import { DEMO_PASSWORD } from "../test/harness";
import { buildServerForProcesses, TEST_DIST } from "../test/instances";
import { subscribe, wsClient, type TestSubscription } from "../test/live-client";
import { findNginx, startScaleLocal, type ScaleLocal } from "../../../scripts/scale-local-core.cjs";

const SUBSCRIBERS = 9;
const CONFIRMATIONS = 3;
const LANDED = `subscription { confirmationLanded(unit: { code: "925.02" }) { event { id } pledge { id status } } }`;

async function gql(url: string, query: string, variables?: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

async function signIn(url: string, username: string): Promise<string> {
  const body = await gql(
    url,
    `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`,
    { u: username, p: DEMO_PASSWORD },
  );
  return body.data.signIn.token;
}

/** One series of one instance's /metrics, scraped directly (0 when absent). */
async function metric(metricsUrl: string, series: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(" ").pop()) : 0;
}

/** graphql_ws_active_subscriptions{operation="confirmationLanded"} of one instance, scraped directly. */
async function landedSubscriptions(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text
    .split("\n")
    .find((l) => l.startsWith('graphql_ws_active_subscriptions{operation="confirmationLanded"}'));
  return line ? Number(line.split(" ").pop()) : 0;
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}

function body() {
  let shape: ScaleLocal;
  let clientDir: string;

  beforeAll(async () => {
    buildServerForProcesses();
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-client-"));
    fs.chmodSync(clientDir, 0o755);
    fs.writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>Cán bộ phụ trách</title>");
    shape = await startScaleLocal({
      instances: 3,
      port: 0,
      mysqlUrl: MYSQL_URL,
      redisUrl: REDIS_URL,
      database: `at_scale_${process.pid}`,
      fresh: true,
      dropOnStop: true,
      serverDist: TEST_DIST,
      clientDist: clientDir,
      log: () => undefined,
    });
  }, 240_000);

  afterAll(async () => {
    await shape?.stop();
    if (clientDir) fs.rmSync(clientDir, { recursive: true, force: true });
  }, 60_000);

  it("serves the client and the API through nginx, spreads requests over the instances and hides /metrics", async () => {
    const page = await fetch(shape.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Cán bộ phụ trách");
    // A client-side route falls back to index.html.
    expect((await fetch(`${shape.url}dashboard?unit=925`)).status).toBe(200);
    expect((await fetch(`${shape.url}metrics`)).status).toBe(404);
    const seen = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const response = await fetch(shape.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": `scale-${i}` },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toBe(`scale-${i}`);
      seen.add(response.headers.get("x-instance-id") ?? "none");
    }
    expect([...seen].sort()).toEqual(["api-1", "api-2", "api-3"]);
  });

  it("delivers every confirmation made on one instance to every subscriber, on all three instances", async () => {
    const token = await signIn(shape.graphqlUrl, "committee.trungan");
    const clients = Array.from({ length: SUBSCRIBERS }, () => wsClient(shape.wsUrl, token));
    const subs: TestSubscription[] = [];
    try {
      for (const client of clients) subs.push(subscribe(client, LANDED));
      // Where the subscribers landed, from each instance's own /metrics (nginx's least_conn spreads them).
      const counts = await until(
        () => Promise.all(shape.instances.map((i) => landedSubscriptions(i.metricsUrl))),
        (c) => c.reduce((a, b) => a + b, 0) === SUBSCRIBERS,
        10_000,
      );
      console.log(`subscribers per instance (api-1, api-2, api-3): ${counts.join(", ")}`);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(SUBSCRIBERS);
      for (const count of counts) expect(count).toBeGreaterThanOrEqual(1);

      // Confirmations made on api-1 only, bypassing nginx.
      const api1 = shape.instances[0].url;
      const confirmer = await signIn(api1, "committee.trungan");
      const { createConnection } = await import("mysql2/promise");
      const sql = await createConnection({ uri: shape.databaseUrl.replace(/^mariadb:/, "mysql:") });
      const [rows] = (await sql.query(
        `SELECT p.id FROM pledge p JOIN org_unit u ON u.id = p.unit_id JOIN org_unit x ON x.id = u.parent_id
         WHERE x.code = '925.02' AND p.status = 'REGISTERED' ORDER BY p.id LIMIT ${CONFIRMATIONS}`,
      )) as unknown as [{ id: number }[]];
      expect(rows).toHaveLength(CONFIRMATIONS);
      for (const row of rows) await sql.query("UPDATE pledge SET status = 'REPORTED' WHERE id = ?", [row.id]);
      await sql.end();
      const ids = rows.map((r) => toGlobalId("Pledge", r.id));
      const lagSeries = (suffix: string) => `live_event_lag_seconds_${suffix}{stage="commit_to_send"}`;
      const lagBefore = await Promise.all(
        shape.instances.map(async (i) => [
          await metric(i.metricsUrl, lagSeries("count")),
          await metric(i.metricsUrl, lagSeries("sum")),
        ]),
      );
      const started = Date.now();
      for (const id of ids) {
        const result = await gql(
          api1,
          `mutation($id: ID!) { confirmPledge(input: { id: $id }) { status } }`,
          { id },
          confirmer,
        );
        expect(result.errors).toBeUndefined();
      }
      const received = await Promise.all(subs.map((s) => s.waitFor(CONFIRMATIONS, 10_000)));
      console.log(
        `${SUBSCRIBERS} subscribers × ${CONFIRMATIONS} confirmations through nginx: all delivered ${Date.now() - started} ms after the first`,
      );
      for (const messages of received) {
        expect(messages.map((m) => m.confirmationLanded.pledge.id)).toEqual(ids);
        expect(messages.every((m) => m.confirmationLanded.pledge.status === "CONFIRMED")).toBe(true);
      }
      for (const sub of subs) expect(sub.errors).toEqual([]);
      // Each instance measured the commit → send lag of every message it sent (MariaDB keeps microseconds).
      for (const [index, instance] of shape.instances.entries()) {
        const count = (await metric(instance.metricsUrl, lagSeries("count"))) - lagBefore[index][0];
        const sum = (await metric(instance.metricsUrl, lagSeries("sum"))) - lagBefore[index][1];
        expect(count).toBe(counts[index] * CONFIRMATIONS);
        console.log(
          `${instance.id}: ${count} messages, mean commit→send lag ${((sum / count) * 1000).toFixed(1)} ms`,
        );
        expect(sum / count).toBeLessThan(2);
      }
    } finally {
      for (const sub of subs) sub.close();
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });
}

const nginx = findNginx();
if (!nginx) {
  const reason = "nginx is not installed (apt-get install nginx; .ci/run does)";
  if (REQUIRE_SERVICES) {
    describe("the three-instance loopback shape (pnpm scale:local)", () => {
      it("needs nginx (REQUIRE_SERVICES=1)", () => {
        throw new Error(reason);
      });
    });
  } else {
    console.warn(`SKIPPED "the three-instance loopback shape": ${reason}`);
    describe.skip(`the three-instance loopback shape (skipped: ${reason})`, () => {
      it("runs", () => undefined);
    });
  }
} else {
  describeWithServices("the three-instance loopback shape (pnpm scale:local) behind nginx", body);
}

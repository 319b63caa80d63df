import WebSocket from "ws";
import type { DataSource } from "typeorm";
import { startServer, type RunningServer } from "../../app";
import { createDataSource } from "../../db/data-source";
import { describeWithServices, REDIS_URL } from "../../test/databases";
import { codeOf } from "../../test/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";
import { sleep } from "../../test/live-client";

async function call(url: string, key: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function createKey(
  admin: TestClient,
  unit: string,
  pointsPerHour?: number,
): Promise<{ id: string; secret: string }> {
  const data = await admin.data(
    `mutation($u: String!, $p: Int) { createApiKey(input: { name: "Cổng thông tin", unit: { code: $u }, pointsPerHour: $p }) { secret apiKey { id prefix } } }`,
    { u: unit, p: pointsPerHour },
  );
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}

describe("API keys for third parties", () => {
  let server: TestServer;
  let admin: TestClient;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    admin = await server.as("admin");
  });
  afterAll(() => server?.stop());

  it("reads its unit's subtree, never personal fields: not directly, not nested, not through node(id)", async () => {
    const key = await createKey(admin, "925");
    const own = await call(
      server.server.url,
      key.secret,
      `{ pledges(filter: { under: { code: "925" } }, first: 1) { totalCount } thoiLai: pledges(filter: { under: { code: "927" } }) { totalCount } }`,
    );
    expect(own.body.data.pledges.totalCount).toBeGreaterThan(0);
    expect(own.body.data.thoiLai.totalCount).toBe(0);
    const nested = await call(
      server.server.url,
      key.secret,
      `{ members(filter: { under: { code: "925" } }, first: 5) { nodes { fullName phone birthDate evaluations { finalGrade } } } }`,
    );
    const members = nested.body.data.members.nodes as {
      fullName: string;
      phone: unknown;
      birthDate: unknown;
      evaluations: unknown[];
    }[];
    expect(members.length).toBe(5);
    expect(
      members.every(
        (m) => m.fullName && m.phone === null && m.birthDate === null && m.evaluations.length === 0,
      ),
    ).toBe(true);
    expect(codeOf((await call(server.server.url, key.secret, `{ evaluations { totalCount } }`)).body)).toBe(
      "FORBIDDEN",
    );
    const evaluationId = (
      await admin.data(`{ evaluations(filter: { under: { code: "925" } }, first: 1) { nodes { id } } }`)
    ).evaluations.nodes[0].id;
    const viaNode = await call(server.server.url, key.secret, `query($id: ID!) { node(id: $id) { id } }`, {
      id: evaluationId,
    });
    expect(viaNode.body.data.node).toBeNull();
  });

  it("is read-only, and the X-Api-Key header works too", async () => {
    const key = await createKey(admin, "925");
    const mutation = await call(
      server.server.url,
      key.secret,
      `mutation { createDirective(input: { number: "1", type: KE_HOACH, issuer: { code: "925" }, title: "x" }) { id } }`,
    );
    expect(codeOf(mutation.body)).toBe("FORBIDDEN");
    const response = await fetch(server.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": key.secret },
      body: JSON.stringify({ query: "{ rateLimit { limit remaining cost } }" }),
    });
    const body = (await response.json()) as any;
    expect(body.data.rateLimit.limit).toBe(50_000);
  });

  it("reports the cost on every response: extensions.cost, X-RateLimit-* headers and the rateLimit field", async () => {
    const key = await createKey(admin, "925");
    const result = await call(
      server.server.url,
      key.secret,
      `{ orgUnit(code: "925") { children { name } } rateLimit { remaining cost } }`,
    );
    expect(result.body.extensions.cost).toMatchObject({
      requested: expect.any(Number),
      actual: expect.any(Number),
      remaining: expect.any(Number),
      limit: 50_000,
    });
    expect(Number(result.headers.get("x-ratelimit-limit"))).toBe(50_000);
    expect(Number(result.headers.get("x-ratelimit-remaining"))).toBe(result.body.extensions.cost.remaining);
    expect(result.body.data.rateLimit.remaining).toBe(result.body.extensions.cost.remaining);
  });

  it("stops working at once when revoked, closing its open subscriptions", async () => {
    const key = await createKey(admin, "925");
    const socket = new WebSocket(server.server.wsUrl, "graphql-transport-ws");
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(
      JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key.secret}` } }),
    );
    await new Promise((resolve) => socket.once("message", resolve)); // ack
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    await admin.data(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id });
    expect(await Promise.race([closed, sleep(3000).then(() => -1)])).toBe(4403);
    const after = await call(server.server.url, key.secret, `{ ntmCriteria { number } }`);
    expect(after.status).toBe(401);
    expect(codeOf(after.body)).toBe("UNAUTHENTICATED");
  });
});

describeWithServices("cost budgets shared by two instances through Redis", () => {
  let server: TestServer;
  let second: RunningServer;
  let secondDb: DataSource;
  beforeAll(async () => {
    server = await startTestServer("mysql", { config: { REDIS_URL } });
    secondDb = createDataSource(server.database.config);
    await secondDb.initialize();
    second = await startServer({ ...server.database.config, REDIS_URL }, secondDb);
  });
  afterAll(async () => {
    await second?.stop();
    await secondDb?.destroy();
    await server?.stop();
  });

  it("allows the budget once across both instances, then answers 429 RATE_LIMITED with Retry-After", async () => {
    const admin = await server.as("admin");
    const query = `{ orgUnit(code: "925") { name children { name } } }`;
    const probeKey = await createKey(admin, "925");
    const cost = (await call(server.server.url, probeKey.secret, query)).body.extensions.cost
      .requested as number;
    const key = await createKey(admin, "925", cost * 6);
    const urls = [server.server.url, second.url];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(urls[i % 2], key.secret, query)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const spent = await call(urls[0], key.secret, query);
    expect(spent.status).toBe(429);
    expect(codeOf(spent.body)).toBe("RATE_LIMITED");
    expect(Number(spent.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(urls[1], key.secret, query)).status).toBe(429);
    console.log(
      `a query of cost ${cost}: a budget of ${cost * 6} allowed 6 across two instances, the 7th got 429`,
    );
  });
});

import type { DataSource } from "typeorm";
import { codeOf } from "../test/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../test/harness";
import { sleep, subscribe, wsClient } from "../test/live-client";
import { RateLimits } from "./rate-limit";

async function call(url: string, key: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** Hand-computed: orgUnit 1 + name 1 + children 10 × (the child 1 + name 1) = 22. */
const KNOWN = { query: `{ orgUnit(code: "925") { name children { name } } }`, cost: 22 };

describe("cost budgets: what a request costs", () => {
  let server: TestServer;
  let admin: TestClient;
  let key: string;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    admin = await server.as("admin");
    key = (
      await admin.data(
        `mutation { createApiKey(input: { name: "Cổng thông tin", unit: { code: "925" } }) { secret } }`,
      )
    ).createApiKey.secret;
  });
  afterAll(() => server?.stop());

  const remainingAfterKnown = async () => {
    const result = await call(server.server.url, key, KNOWN.query);
    expect(result.status).toBe(200);
    expect(result.body.extensions.cost.requested).toBe(KNOWN.cost);
    return result.body.extensions.cost.remaining as number;
  };

  it("charges an executed query its estimated cost (fields × page size), the hand-computed value", async () => {
    const before = await remainingAfterKnown();
    const nested = await call(
      server.server.url,
      key,
      `{ orgUnits(first: 10, filter: { under: { code: "925" } }) { totalCount nodes { name code } } }`,
    );
    // orgUnits 1 + totalCount 1 + nodes 10 × (name + code + the unit) = 32
    expect(nested.body.extensions.cost).toMatchObject({ requested: 32, remaining: before - 32 });
    expect(Number(nested.headers.get("x-ratelimit-remaining"))).toBe(before - 32);
  });

  it.each<[string, string, Record<string, unknown> | undefined, string]>([
    [
      "a query over the depth limit",
      `{ orgUnit(code: "925") { parent { parent { parent { parent { parent { name } } } } } } }`,
      undefined,
      "QUERY_TOO_DEEP",
    ],
    [
      "a query over the cost limit",
      `{ orgUnits(first: 100) { nodes { descendants(first: 100) { nodes { children { name code kind } } } } } }`,
      undefined,
      "QUERY_TOO_COSTLY",
    ],
    ["a query that does not validate", `{ orgUnits { totlCount } }`, undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["a query that does not parse", `{ orgUnits { `, undefined, "GRAPHQL_PARSE_FAILED"],
    [
      "variables that do not coerce",
      `query($n: Int) { orgUnits(first: $n) { totalCount } }`,
      { n: "many" },
      "BAD_USER_INPUT",
    ],
    ["a query over the token limit", `{ ${"__typename ".repeat(1001)}}`, undefined, "TOO_MANY_TOKENS"],
  ])("does not charge %s (refused before execution)", async (_label, query, variables, code) => {
    const before = await remainingAfterKnown();
    const refused = await call(server.server.url, key, query, variables);
    expect(refused.status).toBe(400);
    expect(codeOf(refused.body)).toBe(code);
    expect(await remainingAfterKnown()).toBe(before - KNOWN.cost);
  });

  it("does not charge an operation refused over graphql-ws either, and charges one that runs", async () => {
    const before = await remainingAfterKnown();
    const client = wsClient(server.server.wsUrl, key);
    const refused = subscribe(
      client,
      `{ orgUnits(first: 100) { nodes { descendants(first: 100) { nodes { children { name code kind } } } } } }`,
    );
    for (let i = 0; i < 100 && refused.errors.length === 0; i++) await sleep(20);
    expect(JSON.stringify(refused.errors)).toContain("QUERY_TOO_COSTLY");
    expect(await remainingAfterKnown()).toBe(before - KNOWN.cost);
    const ran = subscribe(client, KNOWN.query);
    await ran.next();
    expect(await remainingAfterKnown()).toBe(before - 3 * KNOWN.cost);
    await client.dispose();
  });
});

describe("cost budgets: the burst and the hour", () => {
  it("gives back the burst points of a request the hourly budget refused", async () => {
    const keyRow = { prefix: "test", pointsPerHour: 4, burstPoints: 8 };
    const db = { getRepository: () => ({ findOneBy: async () => keyRow }) } as unknown as DataSource;
    const limits = new RateLimits(db, "");
    const viewer = { apiKeyId: 1, userId: 0 } as never;
    const burstUsed = async () =>
      (await (limits as any).limiter(8, 10).get("key:test"))?.consumedPoints as number;
    await limits.consume(viewer, "ip", 3);
    expect(await burstUsed()).toBe(3);
    await expect(limits.consume(viewer, "ip", 3)).rejects.toMatchObject({
      extensions: { code: "RATE_LIMITED" },
    });
    expect(await burstUsed()).toBe(3);
    limits.close();
  });
});

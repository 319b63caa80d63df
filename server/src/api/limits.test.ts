import { startTestServer, type TestServer } from "../test/harness";
import { sleep, subscribe, wsClient } from "../test/live-client";

/**
 * Hostile or careless queries from third parties are refused fast, with a 4xx or a validation error carrying a
 * stable code, over HTTP and over graphql-ws alike, and the server stays up.
 */
const repeat = (n: number, f: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => f(i + 1)).join(" ");

const QUERIES: [string, string, string[]][] = [
  [
    "depth 7",
    `{ orgUnit(code: "925.02.01") { parent { parent { parent { parent { parent { name } } } } } } }`,
    ["QUERY_TOO_DEEP"],
  ],
  [
    "depth 7 through fragments",
    `query { orgUnit(code: "925.02.01") { ...A } } fragment A on OrgUnit { parent { ...B } } fragment B on OrgUnit { parent { parent { ...C } } } fragment C on OrgUnit { parent { parent { name } } }`,
    ["QUERY_TOO_DEEP"],
  ],
  ["16 aliases", `{ ${repeat(16, (i) => `a${i}: ntmCriteria { number }`)} }`, ["TOO_MANY_ALIASES"]],
  ["101 __typename aliases", `{ ${repeat(101, (i) => `t${i}: __typename`)} }`, ["TOO_MANY_ALIASES"]],
  ["500 duplicate fields", `{ ntmCriteria { ${repeat(500, () => "number")} } }`, ["TOO_MANY_FIELDS"]],
  [
    "11 directives",
    `{ ntmCriteria @include(if: true) { ${["id", "number", "name", "nameEn", "groupName"].map((f) => `${f} @skip(if: false) @include(if: true)`).join(" ")} } }`,
    ["TOO_MANY_DIRECTIVES"],
  ],
  ["1,001 tokens", `{ ${repeat(999, () => "__typename")} }`, ["TOO_MANY_TOKENS"]],
  [
    "first: 99999999",
    `{ orgUnits(first: 99999999) { nodes { name } } }`,
    ["QUERY_TOO_COSTLY", "PAGE_SIZE_EXCEEDED"],
  ],
  [
    "a circular introspection query",
    `{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } } } } } } } }`,
    // graphql-js's own MaxIntrospectionDepthRule may refuse it first.
    ["QUERY_TOO_DEEP", "GRAPHQL_VALIDATION_FAILED"],
  ],
  ["a misspelled field", `{ orgUnits { totlCount } }`, ["GRAPHQL_VALIDATION_FAILED"]],
];

describe("query limits for third parties", () => {
  let server: TestServer;
  const healthy = async () =>
    expect((await fetch(server.server.url.replace(/graphql$/, "healthz"))).status).toBe(200);

  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(() => server?.stop());

  it.each(QUERIES)("refuses %s over HTTP", async (_label, query, codes) => {
    const started = Date.now();
    const result = await server.gql(query);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    const got = { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message };
    expect(codes.includes(String(got.code)) ? codes : got).toEqual(codes);
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|stacktrace/);
    await healthy();
  });

  it.each(QUERIES)("refuses %s over graphql-ws", async (_label, query, codes) => {
    const client = wsClient(server.server.wsUrl, null);
    const sub = subscribe(client, query);
    for (let i = 0; i < 50 && sub.errors.length === 0 && sub.messages.length === 0; i++) await sleep(20);
    expect(sub.messages).toEqual([]);
    const errors = JSON.stringify(sub.errors);
    expect(codes.some((code) => errors.includes(code))).toBe(true);
    expect(errors).not.toMatch(/Did you mean/);
    await client.dispose();
    await healthy();
  });

  const post = (body: string, contentType = "application/json") =>
    fetch(server.server.url, { method: "POST", headers: { "content-type": contentType }, body });

  it.each<[string, () => Promise<Response>, number[]]>([
    [
      "a batched array",
      () => post(JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }])),
      [400],
    ],
    [
      "a mutation over GET",
      () =>
        fetch(
          `${server.server.url}?query=${encodeURIComponent('mutation { signIn(username: "a", password: "b") { token } }')}`,
        ),
      [400, 405],
    ],
    [
      "a form-encoded POST",
      () => post("query=%7B__typename%7D", "application/x-www-form-urlencoded"),
      [400, 415],
    ],
    [
      "a 10 MB body",
      () =>
        post(JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(10 * 1024 * 1024) } })),
      [413],
    ],
    ["a body that is not JSON", () => post("{ not json"), [400]],
  ])("refuses %s with a 4xx and stays up", async (_label, send, statuses) => {
    const response = await send();
    expect(statuses).toContain(response.status);
    await healthy();
  });

  it("accepts an ordinary third-party query within the limits, and GraphiQL's introspection", async () => {
    const ok = await server.gql(
      `{ orgUnit(code: "925") { name children { name kind } } ntmCriteria { number name } }`,
    );
    expect(ok.errors).toBeUndefined();
    const { getIntrospectionQuery } = await import("graphql");
    const introspection = await server.gql(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
  });
});

import http from "node:http";
import { startTestServer, type TestServer } from "../../test/harness";
import { MAX_BODY_BYTES } from "../http-guards";

/**
 * POST /graphql with a JSON body is served on node:http in front of express (graphql-http.ts); express serves
 * the rest (here `/graphql/`, which its router also maps to GraphQL). Both must answer alike.
 */
describe("GraphQL over HTTP without express", () => {
  let api: TestServer;
  let base: URL;
  beforeAll(async () => {
    api = await startTestServer("sqlite", { seed: false });
    base = new URL(api.server.url);
  });
  afterAll(() => api?.stop());

  /** A raw request: the body written in the given chunks (chunked when no content-length is given). */
  function send(
    path: string,
    chunks: (string | Buffer)[],
    headers: Record<string, string> = { "content-type": "application/json" },
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: base.hostname, port: base.port, path, method: "POST", headers },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (part: Buffer) => parts.push(part));
          res.on("end", () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() }),
          );
        },
      );
      req.on("error", reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }

  const sized = (body: string) => ({
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
  });

  /** The anonymous caller's remaining budget goes down with every request. */
  const withoutBudget = (body: string) => body.replace(/"remaining":\d+/g, '"remaining":0');

  it.each([
    ["a query", JSON.stringify({ query: "query Probe { __typename }" })],
    ["a document that does not validate", JSON.stringify({ query: "{ nope }" })],
    ["a document that does not parse", JSON.stringify({ query: "{ " })],
    ["a body that is not JSON", '{"query":'],
    ["JSON that is not an object", '"{ __typename }"'],
    ["an empty body", ""],
    [
      "an unknown persisted-operation hash",
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    ],
    ["a document over the token budget", JSON.stringify({ query: `{ ${"__typename ".repeat(5000)}}` })],
  ])("answers %s as the express route does", async (_label, body) => {
    const fast = await send("/graphql", [body], sized(body));
    const viaExpress = await send("/graphql/", [body], sized(body));
    expect(fast.headers["x-request-id"]).toBeTruthy();
    expect({
      status: fast.status,
      type: fast.headers["content-type"],
      sql: fast.headers["x-sql-statements"] !== undefined,
      body: withoutBudget(fast.body),
    }).toEqual({
      status: viaExpress.status,
      type: viaExpress.headers["content-type"],
      sql: viaExpress.headers["x-sql-statements"] !== undefined,
      body: withoutBudget(viaExpress.body),
    });
  });

  it("counts SQL statements in X-SQL-Statements and echoes X-Request-Id", async () => {
    const body = JSON.stringify({
      query: `mutation { signIn(username: "nobody", password: "x") { token } }`,
    });
    const response = await send("/graphql", [body], { ...sized(body), "x-request-id": "fast-1" });
    expect(response.headers["x-request-id"]).toBe("fast-1");
    expect(Number(response.headers["x-sql-statements"])).toBeGreaterThan(0);
  });

  it("decodes UTF-8 split across chunks", async () => {
    const body = Buffer.from(
      JSON.stringify({ query: "{ orgUnits(filter: { levels: [Cần] }) { totalCount } }" }),
    );
    const at = body.indexOf(Buffer.from("ầ")) + 1;
    const response = await send(
      "/graphql",
      [body.subarray(0, at), body.subarray(at)],
      sized(body.toString()),
    );
    // "ầ" (U+1EA7) is not a GraphQL name character: the parser names it, as it would name U+FFFD for bad bytes.
    expect(response.status).toBe(400);
    expect(response.body).toContain("Unexpected character: U+1EA7");
  });

  it("refuses a body over the limit with 413, declared or streamed, and keeps serving", async () => {
    const big = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(MAX_BODY_BYTES) } });
    const declared = await send("/graphql", [big], sized(big));
    const streamed = await send(
      "/graphql",
      Array.from({ length: 8 }, (_, i) => big.slice((i * big.length) / 8, ((i + 1) * big.length) / 8)),
      { "content-type": "application/json", "transfer-encoding": "chunked" },
    );
    for (const response of [declared, streamed]) {
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    }
    const after = await send("/graphql", ['{"query":"{ __typename }"}'], {
      "content-type": "application/json",
      "transfer-encoding": "chunked",
    });
    expect(JSON.parse(after.body)).toMatchObject({ data: { __typename: "Query" } });
  });

  it("leaves other content types to express and Apollo Server", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const latin1 = await send("/graphql", [body], {
      "content-type": "application/json; charset=latin1",
      "content-length": String(body.length),
    });
    expect(latin1.status).toBe(415);
    const utf8 = await send("/graphql", [body], {
      "content-type": 'application/json; charset="UTF-8"',
      "content-length": String(body.length),
    });
    expect(JSON.parse(utf8.body)).toMatchObject({ data: { __typename: "Query" } });
  });
});

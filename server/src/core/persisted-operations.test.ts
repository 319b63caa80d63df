import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, specifiedRules, validate } from "graphql";
import { loadConfig } from "../config";
import { createSchema } from "../schema/build-schema";
import { codeOf } from "../test/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../test/harness";
import { sleep, wsClient } from "../test/live-client";
import { loadPersistedOperations, resolveOperation, sha256Hex, withTypename } from "./persisted-operations";
import { LIMITS, limitRules } from "./query-limits";

/** The manifest the client's codegen writes (client/codegen.ts), which the server loads by default. */
const MANIFEST = loadConfig({}).PERSISTED_OPERATIONS_FILE;
const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<string, string>;
const hashOf = (operationName: string) => {
  const entry = Object.entries(manifest).find(([, doc]) => doc.includes(`query ${operationName}(`));
  if (!entry) throw new Error(`no ${operationName} in ${MANIFEST}`);
  return entry[0];
};
const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

async function post(url: string, body: unknown, authorization?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization) headers.authorization = authorization;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

describe("the persisted-operations manifest", () => {
  it("holds the client's documents under their SHA-256, each valid against the schema and the user limits", async () => {
    const schema = await createSchema();
    const operations = loadPersistedOperations(MANIFEST);
    expect(operations.size).toBeGreaterThanOrEqual(20);
    for (const [hash, document] of Object.entries(manifest)) {
      expect(sha256Hex(document)).toBe(hash);
      const errors = validate(schema, parse(operations.get(hash)!), [
        ...specifiedRules,
        ...limitRules(LIMITS.user),
      ]);
      expect({ hash, errors: errors.map((e) => e.message) }).toEqual({ hash, errors: [] });
    }
  });

  it("refuses to start on an entry whose hash is not its document's", () => {
    const file = path.join(os.tmpdir(), `manifest-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify({ ["0".repeat(64)]: "{ __typename }" }));
    expect(() => loadPersistedOperations(file)).toThrow(/not the SHA-256/);
    fs.rmSync(file);
  });

  it("without a manifest, says persisted operations are not supported and still runs full documents", () => {
    const none = loadPersistedOperations(path.join(os.tmpdir(), "no-such-manifest.json"));
    expect(none.size).toBe(0);
    const hashOnly = resolveOperation(none, { extensions: persisted("a".repeat(64)) });
    expect("error" in hashOnly && hashOnly.error.extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
    expect(
      resolveOperation(none, { query: "{ __typename }", extensions: persisted("a".repeat(64)) }),
    ).toEqual({
      query: "{ __typename }",
      persisted: null,
    });
  });

  it("adds __typename below the root, as Apollo Client sends documents", () => {
    expect(withTypename(`query Q { orgUnit(code: "925") { name parent { code } } }`)).toBe(
      `query Q {\n  orgUnit(code: "925") {\n    name\n    parent {\n      code\n      __typename\n    }\n    __typename\n  }\n}`,
    );
  });
});

describe("persisted operations against the real server", () => {
  let server: TestServer;
  let viewer: TestClient;
  let apiKey: string;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    viewer = await server.as("viewer.codo");
    const admin = await server.as("admin");
    apiKey = (
      await admin.data(
        `mutation { createApiKey(input: { name: "Cổng thông tin", unit: { code: "925" } }) { secret } }`,
      )
    ).createApiKey.secret;
  });
  afterAll(() => server?.stop());

  it("runs a known hash without the document", async () => {
    const result = await post(
      server.server.url,
      { variables: { code: "925" }, extensions: persisted(hashOf("UnitLabel")) },
      `Bearer ${viewer.token}`,
    );
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.orgUnit).toMatchObject({ code: "925", name: "Cờ Đỏ", __typename: "OrgUnit" });
  });

  it("answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, and runs it when the document comes too", async () => {
    const unknown = persisted(sha256Hex("query Nobody { __typename }"));
    const refused = await post(server.server.url, { extensions: unknown });
    expect(refused.status).toBe(200);
    expect(codeOf(refused.body)).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(refused.body.data).toBeUndefined();
    // Apollo Client's fallback: the same hash with the document. It runs, and is not remembered.
    const retried = await post(server.server.url, {
      query: `query Criteria { ntmCriteria { number } }`,
      extensions: unknown,
    });
    expect(retried.body.data.ntmCriteria).toHaveLength(19);
    expect(codeOf((await post(server.server.url, { extensions: unknown })).body)).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
  });

  it("keeps full documents working for third parties, with their limits and budget", async () => {
    const full = await post(
      server.server.url,
      { query: `{ orgUnit(code: "925") { name children { name } } }` },
      `Bearer ${apiKey}`,
    );
    expect(full.body.errors).toBeUndefined();
    expect(full.body.extensions.cost.requested).toBe(22);
    // A persisted operation sent with an API key is metered like any query of that key.
    const byHash = await post(
      server.server.url,
      { variables: { code: "925" }, extensions: persisted(hashOf("UnitLabel")) },
      `Bearer ${apiKey}`,
    );
    expect(byHash.body.data.orgUnit.name).toBe("Cờ Đỏ");
    expect(byHash.body.extensions.cost.remaining).toBeLessThan(full.body.extensions.cost.remaining);
  });

  it("accepts a hash over graphql-ws too, with the same code for an unknown one", async () => {
    const client = wsClient(server.server.wsUrl, viewer.token);
    const run = (payload: Record<string, unknown>) =>
      new Promise<{ data?: any; errors?: any }>((resolve) => {
        const results: { data?: any; errors?: any }[] = [];
        client.subscribe(payload as never, {
          next: (value) => results.push(value as never),
          error: (errors) => resolve({ errors }),
          complete: () => resolve(results[0] ?? {}),
        });
      });
    const known = await run({
      query: "",
      variables: { code: "925" },
      extensions: persisted(hashOf("UnitLabel")),
    });
    expect(known.data?.orgUnit?.name).toBe("Cờ Đỏ");
    const unknown = await run({ query: "", extensions: persisted("f".repeat(64)) });
    expect(JSON.stringify(unknown.errors)).toContain("PERSISTED_QUERY_NOT_FOUND");
    await sleep(10);
    await client.dispose();
  });
});

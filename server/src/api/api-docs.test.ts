import fs from "node:fs";
import path from "node:path";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { ErrorCode } from "../core/errors";
import { LIMITS, LimitCode } from "../core/query-limits";
import { ANONYMOUS_BUDGET } from "../core/rate-limit";
import { startTestServer, type TestServer } from "../test/harness";

/**
 * docs/api.md, the guide for third parties, run as a test: every fenced block is an example that runs against a
 * real server with the demo data, as the caller its note names, or the variables, expected response or
 * connection_init message of one. A block that is none of these fails the test, so that no example goes unrun.
 */
const DOC_PATH = path.join(__dirname, "../../../docs/api.md");
const KEY_PLACEHOLDER = "atk_YOUR_KEY";

interface Block {
  lang: string;
  body: string;
  line: number;
  /** The `<!-- name attr="value" -->` note directly above the block (only blank lines between), if any. */
  note: { name: string; attrs: Record<string, string> } | null;
}

interface Example {
  line: number;
  lang: "graphql" | "http";
  body: string;
  as: string;
  expect: string | null;
  transport: "http" | "ws";
  variables?: Record<string, unknown>;
  response?: unknown;
}

export function parseBlocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  let note: Block["note"] = null;
  for (let i = 0; i < lines.length; i++) {
    const comment = /^<!--\s*([\w-]+)((?:\s+[\w-]+="[^"]*")*)\s*-->$/.exec(lines[i].trim());
    if (comment) {
      const attrs = Object.fromEntries(
        [...comment[2].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      note = { name: comment[1], attrs };
      continue;
    }
    const fence = /^```(\S*)\s*$/.exec(lines[i]);
    if (fence) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
      blocks.push({ lang: fence[1], body: body.join("\n"), line: start + 1, note });
      note = null;
      continue;
    }
    if (lines[i].trim() !== "") note = null;
  }
  return blocks;
}

/** Examples with their variables and expected responses; throws on a fenced block that belongs to none. */
export function examplesOf(blocks: Block[]): { examples: Example[]; connectionInit: unknown } {
  const examples: Example[] = [];
  let connectionInit: unknown = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.note?.name === "connection-init" && block.lang === "json") {
      connectionInit = JSON.parse(block.body);
      continue;
    }
    if (block.note?.name !== "example" || (block.lang !== "graphql" && block.lang !== "http"))
      throw new Error(
        `docs/api.md:${block.line}: a \`\`\`${block.lang} block that is not an executed example ` +
          `(mark it <!-- example as="…" --> and make it graphql or http, or make it prose)`,
      );
    const example: Example = {
      line: block.line,
      lang: block.lang,
      body: block.body,
      as: block.note.attrs.as ?? "apiKey",
      expect: block.note.attrs.expect ?? null,
      transport: block.note.attrs.transport === "ws" ? "ws" : "http",
    };
    if (blocks[i + 1]?.lang === "json" && blocks[i + 1].note == null && block.lang === "graphql")
      example.variables = JSON.parse(blocks[++i].body);
    if (blocks[i + 1]?.lang === "json" && blocks[i + 1].note?.name === "response")
      example.response = JSON.parse(blocks[++i].body);
    examples.push(example);
  }
  return { examples, connectionInit };
}

const markdown = fs.readFileSync(DOC_PATH, "utf8");
const { examples, connectionInit } = examplesOf(parseBlocks(markdown));

describe("docs/api.md", () => {
  let server: TestServer;
  let apiKey: string;
  const tokens = new Map<string, string | null>();

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    const admin = await server.as("admin");
    apiKey = (
      await admin.data(
        `mutation { createApiKey(input: { name: "Cổng thông tin (tài liệu)", unit: { code: "925" } }) { secret } }`,
      )
    ).createApiKey.secret;
  });
  afterAll(() => server?.stop());

  /** The Authorization header value of a caller: `apiKey`, `anonymous` or `user:<demo user>`. */
  const credentialsOf = async (caller: string): Promise<string | null> => {
    if (caller === "anonymous") return null;
    if (caller === "apiKey") return `Bearer ${apiKey}`;
    if (caller.startsWith("user:")) {
      if (!tokens.has(caller)) tokens.set(caller, (await server.as(caller.slice(5))).token);
      return `Bearer ${tokens.get(caller)}`;
    }
    throw new Error(`unknown caller "${caller}"`);
  };

  async function overHttp(example: Example): Promise<{ status: number; body: any }> {
    let method = "POST";
    let target = "/graphql";
    const headers: Record<string, string> = { "content-type": "application/json" };
    let body: string;
    if (example.lang === "http") {
      const [head, ...rest] = example.body.replaceAll(KEY_PLACEHOLDER, apiKey).split("\n\n");
      const [requestLine, ...headerLines] = head.split("\n");
      [method, target] = requestLine.split(" ");
      for (const line of headerLines) {
        const at = line.indexOf(":");
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      body = rest.join("\n\n");
    } else {
      const authorization = await credentialsOf(example.as);
      if (authorization) headers.authorization = authorization;
      body = JSON.stringify({ query: example.body, variables: example.variables });
    }
    const response = await fetch(new URL(target, server.server.url), { method, headers, body });
    return { status: response.status, body: await response.json() };
  }

  async function overWebSocket(example: Example): Promise<{ status: number; body: any }> {
    const authorization = await credentialsOf(example.as);
    // API keys connect with the connection_init message the guide shows.
    const init = JSON.parse(JSON.stringify(connectionInit).replaceAll(KEY_PLACEHOLDER, apiKey)) as {
      payload: Record<string, unknown>;
    };
    const client = createClient({
      url: server.server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: example.as === "apiKey" ? init.payload : authorization ? { authorization } : {},
    });
    try {
      return await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no message within 5 s")), 5000);
        const dispose = client.subscribe(
          { query: example.body, variables: example.variables },
          {
            next: (value) => {
              clearTimeout(timer);
              dispose();
              resolve({ status: 200, body: value });
            },
            error: (errors) => {
              clearTimeout(timer);
              resolve({ status: 200, body: { errors: Array.isArray(errors) ? errors : [errors] } });
            },
            complete: () => undefined,
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it("has examples, in every section that promises them", () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    expect(examples.some((e) => e.transport === "ws")).toBe(true);
    expect(examples.some((e) => e.lang === "http")).toBe(true);
    expect(connectionInit).toMatchObject({ type: "connection_init" });
  });

  it.each(examples.map((e) => [`line ${e.line}${e.expect ? ` (${e.expect})` : ""}`, e] as const))(
    "runs the example at %s",
    async (_label, example) => {
      const { status, body } =
        example.transport === "ws" ? await overWebSocket(example) : await overHttp(example);
      if (example.expect) {
        expect(body.errors?.[0]?.extensions?.code).toBe(example.expect);
      } else {
        expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
        expect(body.data).toEqual(expect.any(Object));
      }
      if (example.response !== undefined) expect(body).toMatchObject(example.response as object);
    },
  );

  it("lists every error code the server has", () => {
    const codes = [
      ...Object.values(ErrorCode),
      ...Object.values(LimitCode),
      "RATE_LIMITED",
      "PAYLOAD_TOO_LARGE",
      "BAD_REQUEST",
      "GRAPHQL_PARSE_FAILED",
      "GRAPHQL_VALIDATION_FAILED",
      "PERSISTED_QUERY_NOT_FOUND",
    ];
    const errorsSection = markdown.slice(markdown.indexOf("## Errors"));
    expect(codes.filter((code) => !errorsSection.includes(`\`${code}\``))).toEqual([]);
  });

  it("states the limits and budgets the server enforces", () => {
    const row = (label: string) => markdown.split("\n").find((line) => line.startsWith(`| ${label}`)) ?? "";
    const n = (value: number) => value.toLocaleString("en");
    const rows: [string, keyof typeof LIMITS.public][] = [
      ["depth (", "depth"],
      ["depth of introspection", "introspectionDepth"],
      ["aliases", "aliases"],
      ["directives", "directives"],
      ["tokens", "tokens"],
      ["field selections", "fields"],
      ["cost", "cost"],
    ];
    for (const [label, limit] of rows) {
      const cells = row(label)
        .split("|")
        .map((c) => c.trim());
      expect({ label, public: cells[2], user: cells[3] }).toEqual({
        label,
        public: n(LIMITS.public[limit]),
        user: n(LIMITS.user[limit]),
      });
    }
    expect(markdown).toContain(`share ${n(ANONYMOUS_BUDGET.pointsPerHour)} points an hour`);
    expect(markdown).toContain(`(${n(ANONYMOUS_BUDGET.burstPoints)} per 10 s)`);
  });
});

describe("the docs example runner", () => {
  it("refuses a fenced block that is not an example", () => {
    expect(() => examplesOf(parseBlocks("Some text\n\n```js\nconsole.log(1)\n```\n"))).toThrow(
      /not an executed example/,
    );
  });

  it("takes the variables and the response that follow an example", () => {
    const doc = [
      '<!-- example as="anonymous" -->',
      "",
      "```graphql",
      "query($n: Int) { orgUnits(first: $n) { totalCount } }",
      "```",
      "",
      "```json",
      '{ "n": 1 }',
      "```",
      "",
      "<!-- response -->",
      "",
      "```json",
      '{ "data": {} }',
      "```",
    ].join("\n");
    expect(examplesOf(parseBlocks(doc)).examples).toEqual([
      expect.objectContaining({ as: "anonymous", variables: { n: 1 }, response: { data: {} } }),
    ]);
  });
});

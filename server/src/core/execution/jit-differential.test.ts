import fs from "node:fs";
import path from "node:path";
import { getIntrospectionQuery } from "graphql";
import { startServer, type RunningServer } from "../../app";
import { startTestServer, type TestServer } from "../../test/harness";
import { jitExecutions } from "./executor";

/**
 * graphql-jit against graphql-js, through everything a client sees: two servers over one seeded SQLite database, one
 * executing with graphql-jit (the default), one with GRAPHQL_JIT=off. Every document below goes to both as the same
 * caller (twice to the first: once before and once after it is compiled), and the HTTP status, the body (data, errors with their messages, paths, locations and codes after
 * formatError) and the SQL statement count must be the same. The documents: the examples of docs/api.md, the
 * client's persisted documents, the benchmark's queries and cases written for what an executor can get wrong
 * (errors and null bubbling, abstract types, scalars, enums, input coercion, defaults, @skip/@include, aliases,
 * fragments, introspection, authorisation).
 */

const ROOT = path.join(__dirname, "../../../..");
const YEAR = 2016;

interface Case {
  name: string;
  as: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** What the response must contain, so that a case which only produces the same refusal on both fails. */
  expect: "data" | "errors" | "both";
  /**
   * Which executor runs it: graphql-jit (the default), graphql-js (a document graphql-jit does not run), or none
   * (Apollo or the limits plugin refuses it before execution: variables that do not coerce).
   */
  ran?: "jit" | "fallback" | "none" | "unchecked";
}

/** Values that differ between two runs of the same request whichever executor runs it. */
const VOLATILE = new Set([
  "token",
  "correlationId",
  "secret",
  "computedAt",
  // Rate limits: each server counts its own callers (and this one signed them in and looked up IDs).
  "remaining",
  "resetAt",
]);

function normalise(value: unknown): unknown {
  if (typeof value === "string")
    return value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>");
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, VOLATILE.has(k) && v != null ? `<${k}>` : normalise(v)]),
    );
  return value;
}

/** Error codes of the guide's examples that Apollo or the limits plugin answer without executing anything. */
const REFUSED_BEFORE_EXECUTION = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "QUERY_TOO_COSTLY",
  "PERSISTED_QUERY_NOT_FOUND",
]);

/** docs/api.md: each ```graphql block marked `<!-- example as="…" -->`, with the ```json variables after it. */
function docExamples(): Case[] {
  const lines = fs.readFileSync(path.join(ROOT, "docs/api.md"), "utf8").split("\n");
  const cases: Case[] = [];
  let note: Record<string, string> | null = null;
  let last: Case | null = null;
  for (let i = 0; i < lines.length; i++) {
    const comment = /^<!--\s*([\w-]+)((?:\s+[\w-]+="[^"]*")*)\s*-->$/.exec(lines[i].trim());
    if (comment) {
      note =
        comment[1] === "example"
          ? Object.fromEntries([...comment[2].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
          : null;
      last = comment[1] === "example" ? last : null;
      continue;
    }
    const fence = /^```(\S*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const body: string[] = [];
    const line = i + 1;
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    if (fence[1] === "graphql" && note && note.transport !== "ws") {
      last = {
        name: `docs/api.md:${line}`,
        as: note.as ?? "apiKey",
        query: body.join("\n"),
        expect: note.expect ? "errors" : "data",
        ran: note.expect && REFUSED_BEFORE_EXECUTION.has(note.expect) ? "none" : "jit",
      };
      cases.push(last);
    } else if (fence[1] === "json" && !note && last && !last.variables) {
      last.variables = JSON.parse(body.join("\n"));
    } else {
      last = null;
    }
    note = null;
  }
  return cases;
}

/** The benchmark's HTTP queries, read from bench/src/queries.ts. */
function benchQueries(): Record<string, string> {
  const source = fs.readFileSync(path.join(ROOT, "bench/src/queries.ts"), "utf8");
  return Object.fromEntries([...source.matchAll(/export const (\w+) = `([^`]*)`/g)].map((m) => [m[1], m[2]]));
}

/** The client's persisted documents by operation name, with the variables its pages send. */
function persistedCases(): Case[] {
  const documents: Record<string, string> = JSON.parse(
    fs.readFileSync(path.join(ROOT, "client/src/gql/persisted-documents.json"), "utf8"),
  );
  const byName = new Map(
    Object.values(documents).map((d) => [/(?:query|mutation) (\w+)/.exec(d)![1], d] as const),
  );
  const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
  const queries: [string, string, Record<string, unknown>][] = [
    ["DelegationsAndConcerns", "committee.codo", { unit: "925", year: YEAR }],
    ["DelegationsAndConcerns", "viewer.city", { unit: "92", ...period, statuses: ["OPEN", "RESOLVED"] }],
    ["Evaluations", "committee.codo", { unit: "925", year: YEAR, first: 20 }],
    ["MyWork", "member.codo", { ...period, year: YEAR }],
    ["NtmMatrix", "committee.codo", { district: "925", year: YEAR }],
    ["UnitChildren", "anonymous", { code: "92" }],
    ["UnitSearch", "anonymous", { search: "Thới", first: 10 }],
    ["UnitPage", "committee.codo", { code: "925", ...period, signedIn: true, year: YEAR }],
    ["UnitPage", "anonymous", { code: "925", ...period, signedIn: false, year: YEAR }],
    ["UnitOptions", "viewer.city", { under: "92", levels: ["DISTRICT", "COMMUNE"], search: null }],
    ["UnitOptions", "viewer.city", { under: "925", search: "Thới" }],
    ["UnitLabel", "anonymous", { code: "925" }],
  ];
  const cases: Case[] = queries.map(([name, as, variables]) => ({
    name: `persisted ${name} as ${as}`,
    as,
    query: byName.get(name)!,
    variables,
    expect: "data",
  }));
  // Mutations that every caller may send but these may not carry out: refused by the services, nothing written.
  const refused: [string, string, Record<string, unknown>, Case["ran"]?][] = [
    ["RaiseConcern", "viewer.codo", { input: { raisedBy: { code: "925" }, title: "Đường hư" } }],
    ["WithdrawPledge", "member.codo", { input: { id: "UGxlZGdlOjk5OTk5OQ" } }],
    ["ReportPledge", "viewer.city", { input: { id: "bm90LWFuLWlk", reportNote: "xong" } }],
    [
      "RecordVisit",
      "anonymous",
      { input: { assignment: "x", kind: "CELL_MEETING", visitedOn: "2016-05-01" } },
    ],
    // A `kind` that is no VisitKind: graphql-js coerces the variables (and refuses them) in place of graphql-jit.
    [
      "RecordVisit",
      "member.codo",
      { input: { assignment: "x", kind: "REGULAR", visitedOn: "2016-05-01" } },
      "fallback",
    ],
    ["SetFinalGrade", "viewer.codo", { input: { member: "x", year: YEAR, grade: "EXCELLENT" } }],
  ];
  for (const [name, as, variables, ran] of refused)
    cases.push({
      name: `persisted ${name} refused for ${as}`,
      as,
      query: byName.get(name)!,
      variables,
      expect: "errors",
      ran,
    });
  return cases;
}

describe("graphql-jit executes like graphql-js", () => {
  let server: TestServer;
  let plain: RunningServer;
  let apiKey: string;
  const tokens = new Map<string, string | null>();
  const previous = { GRAPHQL_JIT: process.env.GRAPHQL_JIT, RESPONSE_CACHE: process.env.RESPONSE_CACHE };

  beforeAll(async () => {
    // Without the response cache: a repeated request must be executed again, not answered from the cache.
    process.env.RESPONSE_CACHE = "off";
    try {
      delete process.env.GRAPHQL_JIT;
      server = await startTestServer("sqlite");
      process.env.GRAPHQL_JIT = "off";
      plain = await startServer(server.database.config, server.db);
    } finally {
      for (const [name, value] of Object.entries(previous))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
    const admin = await server.as("admin");
    apiKey = (
      await admin.data(
        `mutation { createApiKey(input: { name: "So sánh bộ thực thi", unit: { code: "925" } }) { secret } }`,
      )
    ).createApiKey.secret;
  });
  afterAll(async () => {
    await plain?.stop();
    await server?.stop();
  });

  const authorizationOf = async (caller: string): Promise<string | null> => {
    if (caller === "anonymous") return null;
    if (caller === "apiKey") return `Bearer ${apiKey}`;
    if (!tokens.has(caller)) tokens.set(caller, (await server.as(caller)).token);
    return `Bearer ${tokens.get(caller)}`;
  };

  async function send(url: string, c: Case) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const authorization = await authorizationOf(c.as);
    if (authorization) headers.authorization = authorization;
    const response = await fetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: c.query, variables: c.variables, operationName: c.operationName }),
    });
    return {
      status: response.status,
      sqlStatements: response.headers.get("x-sql-statements"),
      body: normalise(await response.json()) as { data?: unknown; errors?: unknown[] },
    };
  }

  const executions = async () => {
    const values = (await jitExecutions.get()).values;
    const count = (executor: string) => values.find((v) => v.labels.executor === executor)?.value ?? 0;
    return { jit: count("jit"), first: count("first"), fallback: count("fallback") };
  };

  /** Sends a case to the graphql-jit server: the response, and how many executions of each kind it caused. */
  async function sendToJit(c: Case) {
    const before = await executions();
    const response = await send(server.server.url, c);
    const after = await executions();
    const ran = {
      jit: after.jit - before.jit,
      first: after.first - before.first,
      fallback: after.fallback - before.fallback,
    };
    return { response, ran };
  }

  /**
   * Sends the case to the graphql-js server and to the graphql-jit server, twice each (a document's first execution
   * runs on graphql-js, the next ones on its compiled function): the responses must be the same. SQL statement
   * counts are compared on the second round only, once both servers hold the caller in their viewer cache.
   */
  async function compare(c: Case): Promise<void> {
    const withoutSql = ({ sqlStatements: _sql, ...rest }: Awaited<ReturnType<typeof send>>) => rest;
    const expectedOnce = await send(plain.url, c);
    const once = await sendToJit(c);
    const expected = await send(plain.url, c);
    const again = await sendToJit(c);
    expect(withoutSql(once.response)).toEqual(withoutSql(expectedOnce));
    expect(withoutSql(expected)).toEqual(withoutSql(expectedOnce));
    expect(again.response).toEqual(expected);
    const actual = again.response;
    if (c.expect !== "errors") expect(actual.body.data).toBeTruthy();
    if (c.expect !== "data") expect(actual.body.errors?.length).toBeGreaterThan(0);
    if (c.expect === "data") expect(actual.body.errors).toBeUndefined();
    if (c.ran === "unchecked") return;
    const executed = c.ran === "none" ? 0 : 1;
    // The first time: graphql-js, unless an earlier case sent the same document already.
    expect(once.ran.jit + once.ran.first + once.ran.fallback).toBe(executed);
    expect(again.ran).toEqual({
      jit: (c.ran ?? "jit") === "jit" ? 1 : 0,
      first: 0,
      fallback: c.ran === "fallback" ? 1 : 0,
    });
  }

  const docs = docExamples();
  it("found the examples of docs/api.md", () => expect(docs.length).toBeGreaterThanOrEqual(10));
  it.each(docs.map((c) => [c.name, c] as const))("%s", async (_name, c) => compare(c));

  it.each(persistedCases().map((c) => [c.name, c] as const))("%s", async (_name, c) => compare(c));

  describe("the benchmark's queries", () => {
    const q = benchQueries();
    it("(a) node of a pledge, as an API key and as a signed-out caller", async () => {
      const pledge = await server
        .as("viewer.city")
        .then((v) => v.data(`{ pledges(first: 1, filter: { year: ${YEAR} }) { nodes { id } } }`));
      const id = pledge.pledges.nodes[0].id;
      await compare({
        name: "(a)",
        as: "viewer.city",
        query: q.NODE_QUERY,
        variables: { id },
        expect: "data",
      });
      // Signed-out callers see no pledges: `node` is null, without an error.
      await compare({
        name: "(a) anonymous",
        as: "anonymous",
        query: q.NODE_QUERY,
        variables: { id },
        expect: "data",
      });
    });
    it("(b) a page of 50 cells", () =>
      compare({
        name: "(b)",
        as: "viewer.city",
        query: q.PAGE_OF_CELLS_QUERY,
        variables: { root: "92", first: 50, year: YEAR },
        expect: "data",
      }));
    it("(c) the dashboard aggregate", () =>
      compare({
        name: "(c)",
        as: "viewer.city",
        query: q.SUMMARY_QUERY,
        variables: { root: "92", year: YEAR, month: 5 },
        expect: "data",
      }));
  });

  const unitFields = `fragment UnitBits on OrgUnit { code name level }`;
  const cases: Case[] = [
    {
      name: "abstract types: node and nodes over every kind, inline fragments and __typename",
      as: "viewer.city",
      query: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
          ... on OrgUnit { ...UnitBits parent { code } }
          ... on Pledge { title status category year dueOn targetQuantity }
          ... on Member { fullName } } } ${unitFields}`,
      variables: { ids: [] },
      expect: "data",
    },
    {
      name: "aliases, fragments, @skip/@include with variables and literals, default values",
      as: "viewer.city",
      query: `query Aliased($with: Boolean!, $without: Boolean = true, $first: Int = 3) {
          city: orgUnit(code: "92") { ...UnitBits kids: descendants(levels: [DISTRICT], first: $first) {
            edges { node { ...UnitBits code2: code @include(if: $with) name @skip(if: $without) } } } }
          town: orgUnit(code: "925") { ... @include(if: false) { code } ... on OrgUnit @skip(if: false) { name } } }
          ${unitFields}`,
      variables: { with: true },
      expect: "data",
    },
    {
      name: "several operations, the named one run",
      as: "anonymous",
      query: `query A { orgUnit(code: "92") { name } } query B { orgUnit(code: "925") { code level } }`,
      operationName: "B",
      expect: "data",
    },
    {
      name: "introspection: the whole schema",
      as: "anonymous",
      query: getIntrospectionQuery(),
      expect: "data",
    },
    {
      name: "introspection: one type, its enum values and __typename",
      as: "anonymous",
      query: `{ __typename __type(name: "Pledge") { name kind interfaces { name } fields { name type { kind name ofType { name } } } }
          status: __type(name: "PledgeStatus") { enumValues { name } } }`,
      expect: "data",
    },
    {
      name: "null bubbling to list items: a district committee reading every district's figures (FORBIDDEN but its own)",
      as: "committee.codo",
      query: `query($districts: [ID!]!) { nodes(ids: $districts) { id ... on OrgUnit { code
          summary(year: 2016) { pledgeCount confirmationRate } } } }`,
      variables: { districts: [] },
      expect: "both",
    },
    {
      name: "null bubbling to the root: a unit that does not exist next to one that does",
      as: "anonymous",
      query: `{ a: orgUnit(code: "92") { name } b: orgUnit(code: "no-such-unit") { name } }`,
      expect: "errors",
    },
    {
      name: "an operation name the document does not have",
      as: "anonymous",
      query: `query A { orgUnit(code: "92") { name } }`,
      operationName: "C",
      expect: "errors",
      // Today the response cache plugin fails on the missing operation (HTTP 500, INTERNAL_SERVER_ERROR, with or
      // without graphql-jit) before execution; once it does not, graphql-js runs it (graphql-jit does not compile it).
      ran: "unchecked",
    },
    {
      name: "a node ID that is not one",
      as: "viewer.city",
      query: `{ node(id: "not-a-global-id") { id } a: node(id: "UGxlZGdlOjk5OTk5OQ") { id } }`,
      expect: "both",
    },
    {
      name: "custom scalars in variables that do not parse (refused before execution)",
      as: "member.codo",
      query: `query($from: Date!, $to: Date!) { myVisits(from: $from, to: $to) { id } }`,
      variables: { from: "2016-13-45", to: "tomorrow" },
      expect: "errors",
      ran: "none",
    },
    {
      name: "an enum value that is not one and a missing required variable (graphql-js coerces them, for its messages)",
      as: "viewer.city",
      query: `query($levels: [UnitLevel!], $root: String!) { orgUnit(code: $root) { descendants(levels: $levels) { edges { node { code } } } } }`,
      variables: { levels: ["PLANET"] },
      expect: "errors",
      ran: "fallback",
    },
    {
      name: "an Int variable given a string (graphql-js coerces them, for its messages)",
      as: "viewer.city",
      query: `query($first: Int!) { orgUnit(code: "92") { descendants(first: $first) { edges { cursor } } } }`,
      variables: { first: "ten" },
      expect: "errors",
      ran: "fallback",
    },
    {
      name: "input coercion: a single value for a list, an Int for an ID, an object argument",
      as: "viewer.city",
      query: `query($levels: [UnitLevel!], $id: ID!) { orgUnit(code: "92") { descendants(levels: $levels, first: 2) { edges { node { code level } } } }
          node(id: $id) { id } }`,
      variables: { levels: "CELL", id: 12345 },
      expect: "both",
    },
    {
      name: "a refused mutation: no write, the service's code",
      as: "viewer.codo",
      query: `mutation { signIn(username: "admin", password: "wrong") { token } }`,
      expect: "errors",
    },
    {
      name: "a mutation that runs: signing in",
      as: "anonymous",
      query: `mutation($u: String!) { signIn(username: $u, password: "demo-2016") { token } }`,
      variables: { u: "viewer.codo" },
      expect: "data",
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    if (c.variables && "districts" in c.variables) {
      const viewer = await server.as("viewer.city");
      const found = await viewer.data(`{ orgUnit(code: "92") { children { id } } }`);
      c.variables.districts = found.orgUnit.children.map((d: { id: string }) => d.id);
    }
    if (c.variables && "ids" in c.variables) {
      // Some of every kind of node, found through the API.
      const viewer = await server.as("viewer.city");
      const found =
        await viewer.data(`{ orgUnit(code: "925") { id descendants(first: 2) { edges { node { id } } } }
          pledges(first: 3) { nodes { id } } members(first: 2) { nodes { id } } }`);
      c.variables.ids = [
        found.orgUnit.id,
        ...found.orgUnit.descendants.edges.map((e: { node: { id: string } }) => e.node.id),
        ...found.pledges.nodes.map((n: { id: string }) => n.id),
        ...found.members.nodes.map((n: { id: string }) => n.id),
      ];
    }
    await compare(c);
  });
});

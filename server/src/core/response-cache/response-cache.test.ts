import { forgetViewers } from "../auth/authenticator";
import { fromGlobalId } from "../../core/global-id";
import { describeEachDatabase } from "../../test/databases";
import { codeOf } from "../../test/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";

/** One request as the wire carries it: the body's exact text and the headers. */
interface Raw {
  text: string;
  body: { data?: any; errors?: { extensions?: Record<string, unknown> }[]; extensions?: any };
  cache: string | null;
  statements: number;
}

const PLEDGE = `query($id: ID!) { node(id: $id) { ... on Pledge { id status version title } } }`;
const CELL_ASSIGNMENTS = `query($code: String!) { orgUnit(code: $code) { code assignments(year: 2016) { id startsOn endsOn member { id } } } }`;
const MEMBER_PERSONAL = `query($id: ID!) { node(id: $id) { ... on Member { id fullName phone birthDate } } }`;

describeEachDatabase("the response cache", (dialect) => {
  let server: TestServer;
  let member: TestClient; // member.codo: directs a cell under xã Trung An
  let confirmer: TestClient; // committee.trungan: the committee of that cell's parent
  let committee: TestClient; // committee.codo
  let viewerCity: TestClient;
  let assignmentId: string;

  const raw = async (client: TestClient | null, query: string, variables?: Record<string, unknown>) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (client?.token) headers.authorization = `Bearer ${client.token}`;
    const response = await fetch(server.server.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return {
      text,
      body: JSON.parse(text),
      cache: response.headers.get("x-response-cache"),
      statements: Number(response.headers.get("x-sql-statements")),
    } as Raw;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    [member, confirmer, committee, viewerCity] = await Promise.all([
      server.as("member.codo"),
      server.as("committee.trungan"),
      server.as("committee.codo"),
      server.as("viewer.city"),
    ]);
    const data = await member.data(
      `{ viewer { member { assignments(year: 2016) { id unit { code parent { code } } } } } }`,
    );
    assignmentId = data.viewer.member.assignments.find(
      (a: { unit: { parent: { code: string } } }) => a.unit.parent.code === "925.02",
    ).id;
  });
  afterAll(() => server?.stop());

  /** Drops the viewers the authenticator keeps (a role change written to the database has no event). */
  const forgetCachedViewers = () => forgetViewers(server.db, "all");

  const register = async (title: string): Promise<string> =>
    (
      await member.data(`mutation($input: RegisterPledgeInput!) { registerPledge(input: $input) { id } }`, {
        input: { assignment: assignmentId, year: 2016, title, category: "OTHER" },
      })
    ).registerPledge.id;

  it("serves a repeated query from the cache, byte for byte, with fewer statements", async () => {
    const id = await register("Cache: byte for byte");
    const first = await raw(member, PLEDGE, { id });
    const second = await raw(member, PLEDGE, { id });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.node.title).toBe("Cache: byte for byte");
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(second.text).toBe(first.text);
    // A hit runs what authenticating runs (a request that reads no data shows it), plus the data version.
    const authenticating = (await raw(member, `{ rateLimit { remaining } }`)).statements;
    expect(second.statements).toBe(authenticating + 1);
    expect(first.statements).toBeGreaterThan(second.statements);
  });

  it("computes the cost extension per request on a hit (anonymous callers are metered)", async () => {
    const query = `{ __typename }`;
    const first = await raw(null, query);
    const second = await raw(null, query);
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(second.body.data).toEqual(first.body.data);
    expect(first.body.extensions.cost).toMatchObject({ requested: 1, actual: 1 });
    expect(second.body.extensions.cost).toMatchObject({ requested: 1, actual: 1 });
    expect(second.body.extensions.cost.remaining).toBeLessThan(first.body.extensions.cost.remaining);
  });

  it("shows each pledge transition on the next identical query", async () => {
    const id = await register("Cache: transitions");
    const read = async (client: TestClient) => {
      const result = await raw(client, PLEDGE, { id });
      expect(result.body.errors).toBeUndefined();
      return { cache: result.cache, ...result.body.data.node };
    };
    expect(await read(member)).toMatchObject({ cache: "miss", status: "REGISTERED", version: 1 });
    expect(await read(member)).toMatchObject({ cache: "hit", status: "REGISTERED", version: 1 });

    await member.data(
      `mutation($id: ID!) { updatePledge(input: { id: $id, title: "Cache: updated" }) { id } }`,
      {
        id,
      },
    );
    expect(await read(member)).toMatchObject({ cache: "miss", title: "Cache: updated", version: 2 });
    expect(await read(member)).toMatchObject({ cache: "hit", title: "Cache: updated" });

    await member.data(`mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Xong" }) { id } }`, {
      id,
    });
    expect(await read(member)).toMatchObject({ cache: "miss", status: "REPORTED" });
    expect(await read(confirmer)).toMatchObject({ cache: "miss", status: "REPORTED" });
    expect(await read(confirmer)).toMatchObject({ cache: "hit", status: "REPORTED" });

    await confirmer.data(`mutation($id: ID!) { rejectPledge(input: { id: $id, reason: "Thiếu" }) { id } }`, {
      id,
    });
    expect(await read(member)).toMatchObject({ cache: "miss", status: "REJECTED" });
    expect(await read(confirmer)).toMatchObject({ cache: "miss", status: "REJECTED" });

    await member.data(`mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Đủ" }) { id } }`, {
      id,
    });
    await confirmer.data(`mutation($id: ID!) { confirmPledge(input: { id: $id }) { id } }`, { id });
    expect(await read(member)).toMatchObject({ cache: "miss", status: "CONFIRMED" });
    expect(await read(member)).toMatchObject({ cache: "hit", status: "CONFIRMED" });
  });

  it("shows assignment changes on the next identical query", async () => {
    const cells = await committee.data(
      `{ orgUnit(code: "925.03") { descendants(levels: [CELL], first: 1) { nodes { code assignments(year: 2016) { member { id } } } } } }`,
    );
    const cell = cells.orgUnit.descendants.nodes[0];
    const someone = cell.assignments[0].member.id;
    const read = async () => {
      const result = await raw(committee, CELL_ASSIGNMENTS, { code: cell.code });
      expect(result.body.errors).toBeUndefined();
      return { cache: result.cache, assignments: result.body.data.orgUnit.assignments as any[] };
    };
    const before = await read();
    expect((await read()).cache).toBe("hit");

    const directive = (
      await committee.data(
        `mutation { createDirective(input: { number: "09-NQ/HU", type: NGHI_QUYET, issuer: { code: "925" }, issuedOn: "2016-03-01", title: "Phân công bổ sung", minVisitsPerMonth: 1 }) { id } }`,
      )
    ).createDirective;
    const assigned = (
      await committee.data(
        `mutation($m: ID!, $d: ID!, $u: String!) { assignMember(input: { member: $m, unit: { code: $u }, directive: $d, scope: COMPREHENSIVE, startsOn: "2016-04-01" }) { id } }`,
        { m: someone, d: directive.id, u: cell.code },
      )
    ).assignMember;
    const afterAssign = await read();
    expect(afterAssign.cache).toBe("miss");
    expect(afterAssign.assignments).toHaveLength(before.assignments.length + 1);
    expect(afterAssign.assignments.find((a) => a.id === assigned.id)).toMatchObject({ endsOn: null });
    expect((await read()).cache).toBe("hit");

    await committee.data(
      `mutation($id: ID!) { endAssignment(input: { id: $id, endsOn: "2016-08-31" }) { id } }`,
      {
        id: assigned.id,
      },
    );
    const afterEnd = await read();
    expect(afterEnd.cache).toBe("miss");
    expect(afterEnd.assignments.find((a) => a.id === assigned.id)).toMatchObject({ endsOn: "2016-08-31" });
  });

  it("keys by the viewer's roles: a role change written to the database takes effect on the next request", async () => {
    const memberId = (await member.data(`{ viewer { member { id } } }`)).viewer.member.id;
    const first = await raw(committee, MEMBER_PERSONAL, { id: memberId });
    expect(first.body.data.node.phone).not.toBeNull();
    expect((await raw(committee, MEMBER_PERSONAL, { id: memberId })).cache).toBe("hit");
    // Administrators change roles in the database: no mutation, no event row.
    const roles = async (value: string) =>
      server.db.query(
        dialect === "sqlite"
          ? `UPDATE app_user SET roles = ? WHERE username = 'committee.codo'`
          : "UPDATE app_user SET roles = ? WHERE username = 'committee.codo'",
        [value],
      );
    await roles("VIEWER");
    // A process that caches viewers (core/auth) sees such a change when its entry expires; made visible now.
    forgetCachedViewers();
    try {
      const demoted = await raw(committee, MEMBER_PERSONAL, { id: memberId });
      expect(demoted.cache).toBe("miss");
      expect(demoted.body.data.node).toMatchObject({ phone: null, birthDate: null });
    } finally {
      await roles("COMMITTEE");
      forgetCachedViewers();
    }
    const restored = await raw(committee, MEMBER_PERSONAL, { id: memberId });
    expect(restored.body.data.node.phone).toBe(first.body.data.node.phone);
  });

  it("never serves one viewer's entry to another", async () => {
    const query = `{ pledges(filter: { year: 2016 }, first: 3) { totalCount nodes { id } } }`;
    const city1 = await raw(viewerCity, query);
    const city2 = await raw(viewerCity, query);
    const codo1 = await raw(committee, query);
    const trungan1 = await raw(confirmer, query);
    expect(city1.body.errors).toBeUndefined();
    expect([city1.cache, city2.cache, codo1.cache, trungan1.cache]).toEqual(["miss", "hit", "miss", "miss"]);
    // Scopes differ, so do the answers: the city sees more than a district, a district more than a commune.
    expect(city1.body.data.pledges.totalCount).toBeGreaterThan(codo1.body.data.pledges.totalCount);
    expect(codo1.body.data.pledges.totalCount).toBeGreaterThan(trungan1.body.data.pledges.totalCount);
    expect((await raw(null, query)).body.errors).toBeDefined();
  });

  it("bypasses mutations, per-request fields, user rows, and does not store errors", async () => {
    expect((await raw(member, `{ viewer { username roles } }`)).cache).toBe("miss");
    expect((await raw(member, `{ viewer { displayName } }`)).cache).toBe("bypass");
    expect((await raw(null, `{ rateLimit { remaining } }`)).cache).toBe("bypass");
    const mutation = await raw(
      member,
      `mutation($input: RegisterPledgeInput!) { registerPledge(input: $input) { id } }`,
      { input: { assignment: assignmentId, year: 2016, title: "Cache: bypass", category: "OTHER" } },
    );
    expect(mutation.cache).toBe("bypass");
    const missing = `{ orgUnit(code: "no-such-unit") { id } }`;
    const first = await raw(member, missing);
    expect(codeOf(first.body)).toBe("UNIT_NOT_FOUND");
    expect([first.cache, (await raw(member, missing)).cache]).toEqual(["miss", "miss"]);
  });

  it("never stores a result under a version newer than the state it was read from (reads racing mutations)", async () => {
    const id = await register("Cache: race 0");
    const { id: rowId } = fromGlobalId(id);
    const titleInDatabase = async () =>
      ((await server.db.query(`SELECT title FROM pledge WHERE id = ${rowId}`)) as { title: string }[])[0]
        .title;
    for (let i = 1; i <= 15; i++) {
      const reads = Array.from({ length: 4 }, () => raw(member, PLEDGE, { id }));
      const update = member.data(
        `mutation($id: ID!, $t: String!) { updatePledge(input: { id: $id, title: $t }) { id } }`,
        { id, t: `Cache: race ${i}` },
      );
      await Promise.all([...reads, update]);
      // Whatever the interleaving, the next read answers with the committed state.
      const after = await raw(member, PLEDGE, { id });
      expect(after.body.data.node.title).toBe(await titleInDatabase());
      expect(after.body.data.node.title).toBe(`Cache: race ${i}`);
    }
  });
});

describe("RESPONSE_CACHE=off", () => {
  let server: TestServer;
  const saved = process.env.RESPONSE_CACHE;
  beforeAll(async () => {
    process.env.RESPONSE_CACHE = "off";
    server = await startTestServer("sqlite");
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.RESPONSE_CACHE;
    else process.env.RESPONSE_CACHE = saved;
    await server?.stop();
  });

  it("executes every request and says bypass", async () => {
    const client = await server.as("viewer.city");
    const query = `{ orgUnit(code: "925") { name } }`;
    for (let i = 0; i < 2; i++) {
      const result = await client.gql(query);
      expect(result.data?.orgUnit.name).toBeTruthy();
      expect(result.headers.get("x-response-cache")).toBe("bypass");
    }
  });
});

import { describeEachDatabase } from "../test/databases";
import { codeOf } from "../test/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../test/harness";

/**
 * Row scope on every path: a VIEWER of Cờ Đỏ gets nothing of Thới Lai, whether it asks directly, by node(id),
 * through a nested field or through an aggregate; anonymous callers get the public reference data only.
 */
describeEachDatabase("row scope and personal fields", (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let codo: TestClient; // viewer.codo
  let thoiLaiPledgeIds: string[];
  let thoiLaiMemberId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    [admin, codo] = await Promise.all([server.as("admin"), server.as("viewer.codo")]);
    const data = await admin.data(
      `{ pledges(filter: { under: { code: "927" }, year: 2016 }, first: 5) { totalCount nodes { id member { id } } } }`,
    );
    expect(data.pledges.totalCount).toBeGreaterThan(0);
    thoiLaiPledgeIds = data.pledges.nodes.map((p: { id: string }) => p.id);
    thoiLaiMemberId = data.pledges.nodes[0].member.id;
  });
  afterAll(() => server?.stop());

  it("directly: a Cờ Đỏ viewer listing Thới Lai's pledges gets none, and its own", async () => {
    const data = await codo.data(`{
      thoiLai: pledges(filter: { under: { code: "927" } }) { totalCount }
      everything: pledges(filter: { year: 2016 }, first: 100) { totalCount nodes { unit { ancestors { code } code } } }
      members(filter: { under: { code: "927" } }) { totalCount }
      assignments(filter: { under: { code: "927" } }) { totalCount }
      visits(filter: { under: { code: "927" } }) { totalCount }
    }`);
    expect(data.thoiLai.totalCount).toBe(0);
    expect(data.members.totalCount).toBe(0);
    expect(data.assignments.totalCount).toBe(0);
    expect(data.visits.totalCount).toBe(0);
    expect(data.everything.totalCount).toBeGreaterThan(0);
    for (const node of data.everything.nodes) {
      const codes = [...node.unit.ancestors.map((a: { code: string }) => a.code), node.unit.code];
      expect(codes).toContain("925");
    }
  });

  it("through node(id): Thới Lai's pledges and members are null for a Cờ Đỏ viewer", async () => {
    const data = await codo.data(
      `query($ids: [ID!]!, $m: ID!) { nodes(ids: $ids) { id } member: node(id: $m) { id } }`,
      {
        ids: thoiLaiPledgeIds,
        m: thoiLaiMemberId,
      },
    );
    expect(data.nodes.every((n: unknown) => n === null)).toBe(true);
    expect(data.member).toBeNull();
    const mine = await admin.data(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: thoiLaiPledgeIds,
    });
    expect(mine.nodes.every((n: unknown) => n !== null)).toBe(true);
  });

  it("through nested fields: Thới Lai's units show no assignments, pledges or concerns to a Cờ Đỏ viewer", async () => {
    const data = await codo.data(`{ orgUnit(code: "927") {
      assignments { id } pledges { id } concerns { id } grades { grade }
      descendants(levels: [CELL], first: 100) { totalCount nodes { assignments { id } pledges { id } grades { grade } } }
      children { assignments { id } pledges { id } }
    } }`);
    const unit = data.orgUnit;
    expect(unit.descendants.totalCount).toBe(108); // the tree itself is public reference data
    const nested = [unit, ...unit.descendants.nodes, ...unit.children];
    expect(nested.flatMap((u: any) => [...u.assignments, ...u.pledges, ...(u.grades ?? [])])).toEqual([]);
    expect(unit.concerns).toEqual([]);
    const forAdmin = await admin.data(
      `{ orgUnit(code: "927") { descendants(levels: [CELL], first: 100) { nodes { assignments { id } } } } }`,
    );
    expect(forAdmin.orgUnit.descendants.nodes.flatMap((u: any) => u.assignments).length).toBeGreaterThan(0);
  });

  it("through aggregates: Thới Lai's figures are refused, and the city's cover Cờ Đỏ only", async () => {
    const thoiLai = await codo.gql(
      `{ orgUnit(code: "927") { summary(year: 2016) { pledgesByStatus { status count } } } }`,
    );
    expect(codeOf(thoiLai)).toBe("FORBIDDEN");
    const query = (code: string) =>
      `{ orgUnit(code: "${code}") { summary(year: 2016) { coveredUnit { code } pledgeCount cells { total withDirector } assignments { assignments } visits { visits } ntm { communesRecognised } } } }`;
    const city = (await codo.data(query("92"))).orgUnit.summary;
    const own = (await codo.data(query("925"))).orgUnit.summary;
    expect(city.coveredUnit.code).toBe("925");
    expect({ ...city, ntm: undefined }).toEqual({ ...own, ntm: undefined });
    expect(city.ntm.communesRecognised).toBe(16); // NTM results are public and cover the whole city
    const directive = await codo.data(
      `{ directives(filter: { number: "05-NQ/HU" }) { nodes { assignmentTotals(year: 2016) { assignments } } } }`,
    );
    expect(directive.directives.nodes[0].assignmentTotals.assignments).toBe(0);
  });

  it("events: a Cờ Đỏ viewer reads only Cờ Đỏ's events", async () => {
    const member = await server.as("member.codo");
    const a = (await member.data(`{ viewer { member { assignments(year: 2016) { id } } } }`)).viewer.member
      .assignments[0].id;
    await member.data(
      `mutation($a: ID!) { recordVisit(input: { assignment: $a, visitedOn: "2016-09-10", kind: CELL_MEETING }) { id } }`,
      { a },
    );
    const all = await admin.data(`{ events(first: 100) { totalCount } }`);
    const mine = await codo.data(
      `{ events(first: 100) { totalCount nodes { unit { ancestors { code } code } } } }`,
    );
    expect(mine.events.totalCount).toBeGreaterThan(0);
    expect(mine.events.totalCount).toBeLessThan(all.events.totalCount);
    for (const e of mine.events.nodes)
      expect([...e.unit.ancestors.map((x: { code: string }) => x.code), e.unit.code]).toContain("925");
  });

  it("personal fields: phone, birth date and evaluations only for committees over the member, the city office and the member", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Member { fullName phone birthDate evaluations { year } } } }`;
    const memberId = (await (await server.as("member.codo")).data(`{ viewer { member { id } } }`)).viewer
      .member.id;
    const asViewer = (await codo.data(query, { id: memberId })).node;
    expect(asViewer.fullName).toBeTruthy();
    expect(asViewer).toMatchObject({ phone: null, birthDate: null, evaluations: [] });
    for (const who of ["committee.codo", "admin", "member.codo"]) {
      const seen = (await (await server.as(who)).data(query, { id: memberId })).node;
      expect(seen.phone).toMatch(/^09\d{8}$/);
      expect(seen.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(seen.evaluations.length).toBeGreaterThan(0);
    }
    expect(codeOf(await codo.gql(`{ evaluations { totalCount } }`))).toBe("FORBIDDEN");
    const ownOnly = await (
      await server.as("member.codo")
    ).data(`{ evaluations { nodes { member { id } } } }`);
    expect(ownOnly.evaluations.nodes.every((e: { member: { id: string } }) => e.member.id === memberId)).toBe(
      true,
    );
  });

  it("anonymous callers: public reference data yes; people, pledges and events no", async () => {
    const open =
      await server.data(`{ orgUnit(code: "925") { name children { name } summary(year: 2016) { ntm { communesRecognised } } }
      directives(first: 3) { totalCount } ntmCriteria { number } ntmRecognitions { totalCount } }`);
    expect(open.orgUnit.name).toBe("Cờ Đỏ");
    expect(open.ntmCriteria).toHaveLength(19);
    for (const list of [
      "pledges",
      "members",
      "assignments",
      "visits",
      "events",
      "concerns",
      "delegations",
      "evaluations",
    ]) {
      expect(codeOf(await server.gql(`{ ${list} { totalCount } }`))).toBe("UNAUTHENTICATED");
    }
    const nested = await server.data(
      `query($id: ID!) { orgUnit(code: "925.02") { pledges { id } assignments { id } } node(id: $id) { id } }`,
      { id: thoiLaiPledgeIds[0] },
    );
    expect(nested).toEqual({ orgUnit: { pledges: [], assignments: [] }, node: null });
    expect(codeOf(await server.gql(`{ orgUnit(code: "925") { summary(year: 2016) { pledgeCount } } }`))).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("rejects a bad token with 401 and UNAUTHENTICATED instead of serving it as anonymous", async () => {
    const response = await fetch(server.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer not.a.token" },
      body: JSON.stringify({ query: "{ viewer { username } }" }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(
      codeOf(await server.gql(`mutation { signIn(username: "admin", password: "wrong") { token } }`)),
    ).toBe("INVALID_CREDENTIALS");
  });
});

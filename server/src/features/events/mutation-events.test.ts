import { createSchema } from "../../schema/build-schema";
import { describeEachDatabase } from "../../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";

/**
 * Every mutation in the schema leaves an event row that the event log shows, with its actor and its after-state.
 * A mutation added to the schema without a scenario here fails the first test.
 */
interface Clients {
  server: TestServer;
  admin: TestClient;
  as(username: string): Promise<TestClient>;
}
type Produced = { action: string; entityId: string };
type Scenario = (c: Clients) => Promise<Produced[]>;

/** Mutations that change no data, with the reason. */
const NOT_DATA_CHANGES: Record<string, string> = { signIn: "issues a token; it changes no data" };

async function ownAssignment(c: Clients): Promise<string> {
  const member = await c.as("member.codo");
  return (await member.data(`{ viewer { member { assignments(year: 2016) { id } } } }`)).viewer.member
    .assignments[0].id;
}

async function newPledge(c: Clients, status: "REGISTERED" | "REPORTED"): Promise<string> {
  const member = await c.as("member.codo");
  const a = await ownAssignment(c);
  const id = (
    await member.data(
      `mutation($a: ID!) { registerPledge(input: { assignment: $a, year: 2016, title: "Kết nạp 1 đảng viên mới", category: PARTY_BUILDING }) { id } }`,
      { a },
    )
  ).registerPledge.id;
  if (status === "REPORTED")
    await member.data(
      `mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Đã kết nạp" }) { id } }`,
      { id },
    );
  return id;
}

async function newConcern(c: Clients): Promise<string> {
  const committee = await c.as("committee.codo");
  return (
    await committee.data(
      `mutation { raiseConcern(input: { raisedBy: { code: "925.02" }, title: "Thiếu vốn làm đường", raisedOn: "2016-09-01" }) { id } }`,
    )
  ).raiseConcern.id;
}

const scenarios: Record<string, Scenario> = {
  async registerPledge(c) {
    return [{ action: "PLEDGE_REGISTERED", entityId: await newPledge(c, "REGISTERED") }];
  },
  async updatePledge(c) {
    const id = await newPledge(c, "REGISTERED");
    await (
      await c.as("member.codo")
    ).data(
      `mutation($id: ID!) { updatePledge(input: { id: $id, title: "Kết nạp 2 đảng viên mới" }) { id } }`,
      { id },
    );
    return [{ action: "PLEDGE_UPDATED", entityId: id }];
  },
  async withdrawPledge(c) {
    const id = await newPledge(c, "REGISTERED");
    await (
      await c.as("member.codo")
    ).data(`mutation($id: ID!) { withdrawPledge(input: { id: $id }) { id } }`, { id });
    return [{ action: "PLEDGE_WITHDRAWN", entityId: id }];
  },
  async reportPledge(c) {
    return [{ action: "PLEDGE_REPORTED", entityId: await newPledge(c, "REPORTED") }];
  },
  async confirmPledge(c) {
    const id = await newPledge(c, "REPORTED");
    await (
      await c.as("committee.trungan")
    ).data(`mutation($id: ID!) { confirmPledge(input: { id: $id }) { id } }`, { id });
    return [{ action: "PLEDGE_CONFIRMED", entityId: id }];
  },
  async rejectPledge(c) {
    const id = await newPledge(c, "REPORTED");
    await (
      await c.as("committee.trungan")
    ).data(`mutation($id: ID!) { rejectPledge(input: { id: $id, reason: "Thiếu biên bản" }) { id } }`, {
      id,
    });
    return [{ action: "PLEDGE_REJECTED", entityId: id }];
  },
  async recordVisit(c) {
    const a = await ownAssignment(c);
    const id = (
      await (
        await c.as("member.codo")
      ).data(
        `mutation($a: ID!) { recordVisit(input: { assignment: $a, visitedOn: "2016-09-05", kind: CELL_MEETING }) { id } }`,
        { a },
      )
    ).recordVisit.id;
    return [{ action: "VISIT_RECORDED", entityId: id }];
  },
  async createDirective(c) {
    const id = (
      await c.admin.data(
        `mutation { createDirective(input: { number: "99-QĐ/TU", type: QUYET_DINH, issuer: { code: "92" }, title: "Thử" }) { id } }`,
      )
    ).createDirective.id;
    return [{ action: "DIRECTIVE_CREATED", entityId: id }];
  },
  async assignMember(c) {
    const [d, m] = await Promise.all([
      c.admin.data(`{ directives(filter: { number: "03-NQ/HU" }) { nodes { id } } }`),
      c.admin.data(`{ members(filter: { under: { code: "925" } }, first: 1) { nodes { id } } }`),
    ]);
    const id = (
      await c.admin.data(
        `mutation($d: ID!, $m: ID!) { assignMember(input: { member: $m, unit: { code: "925.02" }, directive: $d, scope: COMPREHENSIVE, startsOn: "2016-05-01" }) { id } }`,
        {
          d: d.directives.nodes[0].id,
          m: m.members.nodes[0].id,
        },
      )
    ).assignMember.id;
    return [{ action: "ASSIGNMENT_CREATED", entityId: id }];
  },
  async endAssignment(c) {
    const a = await ownAssignment(c);
    await c.admin.data(
      `mutation($id: ID!) { endAssignment(input: { id: $id, endsOn: "2016-12-31" }) { id } }`,
      { id: a },
    );
    return [{ action: "ASSIGNMENT_ENDED", entityId: a }];
  },
  async reassign(c) {
    const cell = (
      await c.admin.data(
        `{ orgUnit(code: "925.04") { descendants(levels: [CELL], first: 1) { nodes { assignments(year: 2016) { id } } } } }`,
      )
    ).orgUnit.descendants.nodes[0];
    const m = (
      await c.admin.data(`{ members(filter: { under: { code: "925" } }, first: 2) { nodes { id } } }`)
    ).members.nodes[1].id;
    const old = cell.assignments[0].id;
    const id = (
      await c.admin.data(
        `mutation($a: ID!, $m: ID!) { reassign(input: { assignment: $a, member: $m, from: "2016-06-01" }) { id } }`,
        { a: old, m },
      )
    ).reassign.id;
    return [
      { action: "ASSIGNMENT_ENDED", entityId: old },
      { action: "ASSIGNMENT_CREATED", entityId: id },
    ];
  },
  async setNtmCriterionStatus(c) {
    const id = (
      await c.admin.data(
        `mutation { setNtmCriterionStatus(input: { unit: { code: "925.03" }, year: 2016, criterionNumber: 1, met: true, metOn: "2016-08-01", evidence: "Biên bản" }) { id } }`,
      )
    ).setNtmCriterionStatus.id;
    return [{ action: "NTM_CRITERION_SET", entityId: id }];
  },
  async recognizeNtm(c) {
    const xa = (
      await c.admin.data(
        `{ orgUnits(filter: { kinds: [COMMUNE] }, first: 100) { nodes { code ntmCriteriaMet(year: 2016) ntmRecognition { id } } } }`,
      )
    ).orgUnits.nodes.find(
      (u: { ntmCriteriaMet: number; ntmRecognition: unknown }) =>
        u.ntmCriteriaMet === 19 && !u.ntmRecognition,
    );
    const id = (
      await c.admin.data(
        `mutation($c: String!) { recognizeNtm(input: { unit: { code: $c }, decisionNumber: "1/QĐ-UBND", decidedOn: "2016-09-01" }) { id } }`,
        { c: xa.code },
      )
    ).recognizeNtm.id;
    return [{ action: "NTM_RECOGNISED", entityId: id }];
  },
  async recordDelegation(c) {
    const m = (
      await c.admin.data(`{ members(filter: { under: { code: "92" } }, first: 2) { nodes { id } } }`)
    ).members.nodes.map((n: { id: string }) => n.id);
    const id = (
      await c.admin.data(
        `mutation($m: [ID!]!) { recordDelegation(input: { leadingUnit: { code: "92" }, visitedUnit: { code: "925" }, visitedOn: "2016-09-02", title: "Làm việc với Huyện ủy Cờ Đỏ", members: $m }) { id } }`,
        { m },
      )
    ).recordDelegation.id;
    return [{ action: "DELEGATION_RECORDED", entityId: id }];
  },
  async raiseConcern(c) {
    return [{ action: "CONCERN_RAISED", entityId: await newConcern(c) }];
  },
  async assignConcernHandler(c) {
    const id = await newConcern(c);
    await c.admin.data(
      `mutation($id: ID!) { assignConcernHandler(input: { id: $id, handler: { code: "925" } }) { id } }`,
      { id },
    );
    return [{ action: "CONCERN_HANDLER_ASSIGNED", entityId: id }];
  },
  async startConcern(c) {
    const id = await newConcern(c);
    await c.admin.data(
      `mutation($id: ID!) { assignConcernHandler(input: { id: $id, handler: { code: "925" } }) { id } }`,
      { id },
    );
    await c.admin.data(`mutation($id: ID!) { startConcern(input: { id: $id }) { id } }`, { id });
    return [{ action: "CONCERN_STARTED", entityId: id }];
  },
  async resolveConcern(c) {
    const id = await newConcern(c);
    await c.admin.data(
      `mutation($id: ID!) { assignConcernHandler(input: { id: $id, handler: { code: "925" } }) { id } }`,
      { id },
    );
    await c.admin.data(
      `mutation($id: ID!) { resolveConcern(input: { id: $id, answer: "Đã bố trí kinh phí" }) { id } }`,
      { id },
    );
    return [{ action: "CONCERN_RESOLVED", entityId: id }];
  },
  async proposeGrades(c) {
    await (
      await c.as("committee.codo")
    ).data(`mutation { proposeGrades(input: { unit: { code: "925" }, year: 2016 }) { changed } }`);
    const { events } = await c.admin.data(
      `{ events(filter: { actions: ["EVALUATION_PROPOSED"] }, first: 1) { nodes { entityId } } }`,
    );
    return [{ action: "EVALUATION_PROPOSED", entityId: events.nodes[0].entityId }];
  },
  async setFinalGrade(c) {
    const { evaluations } = await c.admin.data(
      `{ evaluations(filter: { under: { code: "925" }, year: 2016 }, first: 1) { nodes { member { id } } } }`,
    );
    const { setFinalGrade } = await (
      await c.as("committee.codo")
    ).data(
      `mutation($m: ID!) { setFinalGrade(input: { member: $m, year: 2016, grade: GOOD }) { evaluation { id } } }`,
      { m: evaluations.nodes[0].member.id },
    );
    return [{ action: "EVALUATION_FINAL_SET", entityId: setFinalGrade.evaluation.id }];
  },
  async setUnitGrade(c) {
    const { orgUnit } = await c.admin.data(`{ orgUnit(code: "925.02") { children { code } } }`);
    const { setUnitGrade } = await (
      await c.as("committee.trungan")
    ).data(
      `mutation($u: String!) { setUnitGrade(input: { unit: { code: $u }, year: 2016, grade: CLEAN_STRONG }) { id } }`,
      { u: orgUnit.children[0].code },
    );
    return [{ action: "UNIT_GRADE_SET", entityId: setUnitGrade.id }];
  },
  async createApiKey(c) {
    const id = (
      await c.admin.data(
        `mutation { createApiKey(input: { name: "Cổng tỉnh", unit: { code: "925" } }) { apiKey { id } } }`,
      )
    ).createApiKey.apiKey.id;
    return [{ action: "API_KEY_CREATED", entityId: id }];
  },
  async revokeApiKey(c) {
    const id = (
      await c.admin.data(
        `mutation { createApiKey(input: { name: "Báo chí", unit: { code: "92" } }) { apiKey { id } } }`,
      )
    ).createApiKey.apiKey.id;
    await c.admin.data(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id });
    return [{ action: "API_KEY_REVOKED", entityId: id }];
  },
};

describeEachDatabase("the event log", (dialect) => {
  let server: TestServer;
  let clients: Clients;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    clients = { server, admin: await server.as("admin"), as: (u) => server.as(u) };
  });
  afterAll(() => server?.stop());

  it("has a scenario here for every mutation in the schema", async () => {
    const mutations = Object.keys((await createSchema()).getMutationType()!.getFields()).sort();
    expect(mutations.filter((m) => !(m in scenarios) && !(m in NOT_DATA_CHANGES))).toEqual([]);
  });

  it.each(Object.keys(scenarios))("%s writes an event row that the log shows", async (name) => {
    const produced = await scenarios[name](clients);
    expect(produced.length).toBeGreaterThan(0);
    for (const { action, entityId } of produced) {
      const history = await clients.admin.data(
        `query($e: ID!) { events(filter: { entity: $e }, first: 100) { nodes { id action actorLabel occurredAt after unit { code } } } }`,
        { e: entityId },
      );
      const match = history.events.nodes.filter((e: { action: string }) => e.action === action);
      expect(match.length).toBeGreaterThanOrEqual(1);
      const event = match[match.length - 1];
      expect(event.actorLabel).not.toBe("system");
      expect(event.after).not.toBeNull();
      expect(event.unit).not.toBeNull();
    }
  });
});

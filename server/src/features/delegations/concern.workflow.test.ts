import { fromGlobalId } from "../../core/global-id";
import { describeEachDatabase } from "../../test/databases";
import { startTestServer, type GraphQLResponse, type TestClient, type TestServer } from "../../test/harness";

/**
 * Working delegations and concerns through GraphQL (DESIGN.md §3): recording a delegation with its members, and
 * a concern's OPEN → IN_PROGRESS → RESOLVED lifecycle by the right committees. Scoped rows (delegations,
 * concerns, members) one cannot see answer NOT_FOUND; units outside one's subtree are FORBIDDEN.
 */

const DELEGATION =
  "id title visitedOn note leadingUnit { code } visitedUnit { code } members { id } concerns { id }";
const CONCERN =
  "id title description status answer raisedOn startedAt resolvedAt daysToResolve raisedBy { code } handler { code } delegation { id }";
const RECORD = `mutation($input: RecordDelegationInput!, $key: String) {
  recordDelegation(input: $input, idempotencyKey: $key) { ${DELEGATION} } }`;
const RAISE = `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { ${CONCERN} } }`;
const ASSIGN = `mutation($id: ID!, $code: String!) { assignConcernHandler(input: { id: $id, handler: { code: $code } }) { ${CONCERN} } }`;
const START = `mutation($id: ID!) { startConcern(input: { id: $id }) { ${CONCERN} } }`;
const RESOLVE = `mutation($id: ID!, $answer: String!) { resolveConcern(input: { id: $id, answer: $answer }) { ${CONCERN} } }`;
const STATS = `query($code: String!, $year: Int) { concernStats(under: { code: $code }, year: $year) {
  open inProgress resolved total averageDaysToResolve medianDaysToResolve } }`;

const codeOf = (result: GraphQLResponse) => (result.errors?.[0]?.extensions?.code as string) ?? null;

/** A day `n` days before today (UTC), as `YYYY-MM-DD`. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase("delegations and the concern lifecycle through GraphQL", (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let coDo: TestClient; // committee.codo: Huyện ủy Cờ Đỏ (925)
  let trungAn: TestClient; // committee.trungan: Đảng ủy xã Trung An (925.02)
  let thoiLai: TestClient; // committee.thoilai: Huyện ủy Thới Lai (927)
  let viewerCoDo: TestClient;
  let coDoMembers: string[]; // members committee.codo may see
  let thoiLaiMember: string; // a member committee.codo may not see

  beforeAll(async () => {
    // Statements of execution are counted here: without the response cache, whose one version read per request
    // (and hits) server/src/core/response-cache/response-cache.test.ts counts. Jest gives each file its own env.
    process.env.RESPONSE_CACHE = "off";
    server = await startTestServer(dialect);
    [admin, coDo, trungAn, thoiLai, viewerCoDo] = await Promise.all([
      server.as("admin"),
      server.as("committee.codo"),
      server.as("committee.trungan"),
      server.as("committee.thoilai"),
      server.as("viewer.codo"),
    ]);
    const mine = await coDo.data(
      `{ members(filter: { under: { code: "925" } }, first: 3) { nodes { id } } }`,
    );
    coDoMembers = mine.members.nodes.map((m: { id: string }) => m.id);
    const theirs = await thoiLai.data(
      `{ members(filter: { under: { code: "927" } }, first: 1) { nodes { id } } }`,
    );
    thoiLaiMember = theirs.members.nodes[0].id;
    expect(
      (await coDo.data(`query($id: ID!) { node(id: $id) { id } }`, { id: thoiLaiMember })).node,
    ).toBeNull();
  });
  afterAll(() => server?.stop());

  /** Rows of a table (or one row) and the event count, read from the database. */
  async function state(table: string, globalId?: string): Promise<{ rows: unknown[]; events: number }> {
    const rows =
      globalId == null
        ? await server.db.query(`SELECT * FROM ${table} ORDER BY id`)
        : await server.db.query(`SELECT * FROM ${table} WHERE id = ?`, [fromGlobalId(globalId).id]);
    const events = await server.db.query("SELECT COUNT(*) AS n FROM event");
    return { rows: JSON.parse(JSON.stringify(rows)), events: Number(events[0].n) };
  }

  async function eventsFor(action: string, entityId: string): Promise<any[]> {
    const data = await admin.data(
      `query($actions: [String!]) { events(filter: { actions: $actions }, first: 100) {
        nodes { action actorLabel entityType entityId unit { code } before after } } }`,
      { actions: [action] },
    );
    return data.events.nodes.filter((e: { entityId: string }) => e.entityId === entityId);
  }

  const delegationInput = (changes: Record<string, unknown> = {}) => ({
    leadingUnit: { code: "925" },
    visitedUnit: { code: "925.02" },
    visitedOn: "2016-06-15",
    title: "Đoàn công tác của Thường trực Huyện ủy làm việc với Đảng ủy xã Trung An",
    note: "Ghi nhận kiến nghị về giao thông nông thôn.",
    members: coDoMembers.slice(0, 2),
    ...changes,
  });
  const raise = (client: TestClient, changes: Record<string, unknown> = {}) =>
    client.gql(RAISE, {
      input: {
        raisedBy: { code: "925.02" },
        title: "Thiếu vốn đối ứng làm đường liên ấp",
        description: "Đề nghị huyện hỗ trợ vốn đối ứng.",
        raisedOn: daysAgo(10),
        ...changes,
      },
    });

  it("records a working delegation with its members and one DELEGATION_RECORDED event", async () => {
    const before = await state("delegation");
    const result = await coDo.gql(RECORD, {
      input: delegationInput({ members: [coDoMembers[0], coDoMembers[1], coDoMembers[0]] }),
    });
    expect(codeOf(result)).toBeNull();
    const delegation = result.data!.recordDelegation;
    expect(delegation).toMatchObject({
      visitedOn: "2016-06-15",
      leadingUnit: { code: "925" },
      visitedUnit: { code: "925.02" },
      concerns: [],
    });
    expect(delegation.members.map((m: { id: string }) => m.id).sort()).toEqual(
      coDoMembers.slice(0, 2).sort(),
    );
    const after = await state("delegation");
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(after.events).toBe(before.events + 1);
    const links = await server.db.query("SELECT member_id FROM delegation_member WHERE delegation_id = ?", [
      fromGlobalId(delegation.id).id,
    ]);
    expect(links).toHaveLength(2);

    const [event] = await eventsFor("DELEGATION_RECORDED", delegation.id);
    expect(event).toMatchObject({
      actorLabel: "committee.codo",
      entityType: "Delegation",
      unit: { code: "925.02" },
      before: null,
      after: { title: delegation.title, visitedOn: "2016-06-15" },
    });
    expect(event.after.memberIds.sort()).toEqual(
      coDoMembers
        .slice(0, 2)
        .map((id) => fromGlobalId(id).id)
        .sort(),
    );
  });

  it.each([
    ["a read-only viewer", "viewer.codo", {}, "FORBIDDEN"],
    ["another district's committee leading for Cờ Đỏ", "committee.thoilai", {}, "FORBIDDEN"],
    ["a xã committee leading for its district", "committee.trungan", {}, "FORBIDDEN"],
    [
      "a visited unit outside the leading unit",
      "committee.codo",
      { visitedUnit: { code: "927" } },
      "BAD_USER_INPUT",
    ],
    [
      "the leading unit visiting itself",
      "committee.codo",
      { visitedUnit: { code: "925" } },
      "BAD_USER_INPUT",
    ],
    ["no members", "committee.codo", { members: [] }, "BAD_USER_INPUT"],
    ["an empty title", "committee.codo", { title: "  " }, "BAD_USER_INPUT"],
    ["an unknown visited unit", "committee.codo", { visitedUnit: { code: "925.99" } }, "UNIT_NOT_FOUND"],
  ])("refuses a delegation by %s, changing nothing", async (_label, username, changes, expected) => {
    const client = await server.as(username);
    const before = await state("delegation");
    expect(codeOf(await client.gql(RECORD, { input: delegationInput(changes) }))).toBe(expected);
    expect(await state("delegation")).toEqual(before);
  });

  it("refuses a delegation member the caller cannot see with NOT_FOUND", async () => {
    const before = await state("delegation");
    const result = await coDo.gql(RECORD, {
      input: delegationInput({ members: [coDoMembers[0], thoiLaiMember] }),
    });
    expect(codeOf(result)).toBe("NOT_FOUND");
    expect(result.errors![0].extensions).toMatchObject({ type: "Member", id: thoiLaiMember });
    expect(await state("delegation")).toEqual(before);
  });

  it("records one delegation and one event for the same recordDelegation sent twice with one idempotency key", async () => {
    const key = `delegation-${dialect}-retry`;
    const before = await state("delegation");
    const input = delegationInput({ visitedUnit: { code: "925.03" }, title: "Làm việc với Đảng ủy xã" });
    const first = await coDo.gql(RECORD, { input, key });
    const second = await coDo.gql(RECORD, { input, key });
    expect(codeOf(first)).toBeNull();
    expect(second.data).toEqual(first.data);
    const after = await state("delegation");
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(after.events).toBe(before.events + 1);
    expect(await eventsFor("DELEGATION_RECORDED", first.data!.recordDelegation.id)).toHaveLength(1);
    const reused = await coDo.gql(RECORD, { input: { ...input, title: "Khác" }, key });
    expect(codeOf(reused)).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("walks a concern OPEN → IN_PROGRESS → RESOLVED with the right users; illegal moves change nothing; daysToResolve and concernStats follow", async () => {
    const year = Number(daysAgo(10).slice(0, 4));
    const statsBefore = (await trungAn.data(STATS, { code: "925.02", year })).concernStats;

    const raised = await raise(trungAn);
    expect(codeOf(raised)).toBeNull();
    const concern = raised.data!.raiseConcern;
    expect(concern).toMatchObject({
      status: "OPEN",
      handler: null,
      raisedBy: { code: "925.02" },
      raisedOn: daysAgo(10),
      startedAt: null,
      resolvedAt: null,
      daysToResolve: null,
    });
    expect((await trungAn.data(STATS, { code: "925.02", year })).concernStats).toMatchObject({
      open: statsBefore.open + 1,
      total: statsBefore.total + 1,
    });

    /** An illegal move: the code, and neither the row nor the event log moves. */
    const refused = async (
      client: TestClient,
      query: string,
      variables: Record<string, unknown>,
      code: string,
    ) => {
      const before = await state("concern", concern.id);
      const result = await client.gql(query, { id: concern.id, ...variables });
      expect(codeOf(result)).toBe(code);
      expect(await state("concern", concern.id)).toEqual(before);
    };
    await refused(coDo, START, {}, "CONCERN_INVALID_TRANSITION"); // no handler yet
    await refused(coDo, RESOLVE, { answer: "Đã xử lý" }, "CONCERN_INVALID_TRANSITION"); // no handler yet
    await refused(trungAn, ASSIGN, { code: "925" }, "FORBIDDEN"); // the handler is above Trung An
    await refused(thoiLai, ASSIGN, { code: "925" }, "NOT_FOUND"); // not visible to Thới Lai
    await refused(viewerCoDo, ASSIGN, { code: "925" }, "FORBIDDEN");

    const assigned = (await coDo.data(ASSIGN, { id: concern.id, code: "925" })).assignConcernHandler;
    expect(assigned).toMatchObject({ status: "OPEN", handler: { code: "925" } });

    await refused(trungAn, START, {}, "FORBIDDEN"); // does not cover the handler
    await refused(thoiLai, START, {}, "NOT_FOUND");
    await refused(viewerCoDo, START, {}, "FORBIDDEN");

    const started = (await coDo.data(START, { id: concern.id })).startConcern;
    expect(started).toMatchObject({ status: "IN_PROGRESS", resolvedAt: null });
    expect(started.startedAt).not.toBeNull();

    await refused(coDo, START, {}, "CONCERN_INVALID_TRANSITION");
    await refused(coDo, ASSIGN, { code: "925.02" }, "CONCERN_INVALID_TRANSITION");
    await refused(coDo, RESOLVE, { answer: "   " }, "BAD_USER_INPUT");
    await refused(trungAn, RESOLVE, { answer: "Đã xử lý" }, "FORBIDDEN");

    const answer = "Huyện đã bố trí 500 triệu đồng vốn đối ứng.";
    const resolved = (await coDo.data(RESOLVE, { id: concern.id, answer })).resolveConcern;
    expect(resolved).toMatchObject({ status: "RESOLVED", answer, startedAt: started.startedAt });
    const expectedDays =
      Math.round(
        ((Date.parse(resolved.resolvedAt) - Date.parse(`${daysAgo(10)}T00:00:00Z`)) / 86_400_000) * 10,
      ) / 10;
    expect(resolved.daysToResolve).toBe(expectedDays);
    expect(resolved.daysToResolve).toBeGreaterThanOrEqual(10);
    expect(resolved.daysToResolve).toBeLessThanOrEqual(11);

    await refused(coDo, RESOLVE, { answer: "Lần nữa" }, "CONCERN_INVALID_TRANSITION");
    await refused(coDo, START, {}, "CONCERN_INVALID_TRANSITION");

    const statsAfter = (await trungAn.data(STATS, { code: "925.02", year })).concernStats;
    expect(statsAfter).toMatchObject({
      open: statsBefore.open,
      inProgress: statsBefore.inProgress,
      resolved: statsBefore.resolved + 1,
      total: statsBefore.total + 1,
    });
    if (statsBefore.resolved === 0) {
      expect(statsAfter.averageDaysToResolve).toBe(resolved.daysToResolve);
      expect(statsAfter.medianDaysToResolve).toBe(resolved.daysToResolve);
    }

    const steps: [string, string, string][] = [
      ["CONCERN_RAISED", "committee.trungan", "OPEN"],
      ["CONCERN_HANDLER_ASSIGNED", "committee.codo", "OPEN"],
      ["CONCERN_STARTED", "committee.codo", "IN_PROGRESS"],
      ["CONCERN_RESOLVED", "committee.codo", "RESOLVED"],
    ];
    for (const [action, actor, status] of steps) {
      const events = await eventsFor(action, concern.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorLabel: actor,
        entityType: "Concern",
        unit: { code: "925.02" },
        after: { status },
      });
    }
    const [assignedEvent] = await eventsFor("CONCERN_HANDLER_ASSIGNED", concern.id);
    expect(assignedEvent.before.handlerUnitId).toBeNull();
    expect(assignedEvent.after.handlerUnitId).not.toBeNull();
    const [resolvedEvent] = await eventsFor("CONCERN_RESOLVED", concern.id);
    expect(resolvedEvent.after).toMatchObject({ answer });
  });

  it("raises a concern at a delegation (by its leading committee) and resolves it straight from OPEN once it has a handler", async () => {
    const delegation = (
      await coDo.data(RECORD, {
        input: delegationInput({ visitedUnit: { code: "925.03" }, visitedOn: "2016-07-01" }),
      })
    ).recordDelegation;
    const outside = await raise(coDo, {
      delegation: delegation.id,
      raisedBy: { code: "925.02" },
      raisedOn: undefined,
    });
    expect(codeOf(outside)).toBe("BAD_USER_INPUT"); // Trung An was not visited
    expect(
      codeOf(
        await raise(coDo, {
          delegation: delegation.id,
          raisedBy: { code: "925.03" },
          raisedOn: "2016-06-30",
        }),
      ),
    ).toBe("BAD_USER_INPUT"); // before the session
    expect(codeOf(await raise(thoiLai, { delegation: delegation.id, raisedBy: { code: "927" } }))).toBe(
      "NOT_FOUND",
    );

    const concern = (
      await raise(coDo, { delegation: delegation.id, raisedBy: { code: "925.03" }, raisedOn: undefined })
    ).data!.raiseConcern;
    expect(concern).toMatchObject({
      status: "OPEN",
      raisedOn: "2016-07-01",
      delegation: { id: delegation.id },
    });
    const listed = await coDo.data(
      `query($id: ID!) { node(id: $id) { ... on Delegation { concerns { id } } } }`,
      {
        id: delegation.id,
      },
    );
    expect(listed.node.concerns).toEqual([{ id: concern.id }]);

    await coDo.data(ASSIGN, { id: concern.id, code: "925.03" });
    const resolved = (await coDo.data(RESOLVE, { id: concern.id, answer: "Đã giải quyết tại chỗ." }))
      .resolveConcern;
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.startedAt).toBe(resolved.resolvedAt);
    expect(resolved.daysToResolve).toBeGreaterThan(365);
    const [event] = await eventsFor("CONCERN_RESOLVED", concern.id);
    expect(event).toMatchObject({ before: { status: "OPEN" }, after: { status: "RESOLVED" } });
  });

  it("refuses raising a concern for a unit outside one's subtree, or in the future", async () => {
    const before = await state("concern");
    expect(codeOf(await raise(thoiLai))).toBe("FORBIDDEN");
    expect(codeOf(await raise(viewerCoDo))).toBe("FORBIDDEN");
    expect(codeOf(await raise(trungAn, { raisedOn: daysAgo(-3) }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await raise(trungAn, { title: "" }))).toBe("BAD_USER_INPUT");
    expect(await state("concern")).toEqual(before);
  });

  it("lets exactly one of concurrent starts of a concern win; the others get CONCERN_INVALID_TRANSITION", async () => {
    const concern = (await raise(trungAn, { title: "Kênh thủy lợi xuống cấp" })).data!.raiseConcern;
    await trungAn.data(ASSIGN, { id: concern.id, code: "925.02" });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => trungAn.gql(START, { id: concern.id })),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === null)).toHaveLength(1);
    expect(codes.filter((c) => c === "CONCERN_INVALID_TRANSITION")).toHaveLength(7);
    expect(await eventsFor("CONCERN_STARTED", concern.id)).toHaveLength(1);
  });

  it("counts concernStats in SQL exactly as the concerns list shows them, for each caller", async () => {
    for (const [client, code, year] of [
      [admin, "92", 2016],
      [admin, "92", null],
      [thoiLai, "92", 2016],
      [coDo, "925", null],
    ] as const) {
      const listed = await client.data(
        `query($code: String!, $from: Date, $to: Date) { concerns(first: 100, filter: { raisedUnder: { code: $code }, raisedFrom: $from, raisedTo: $to }) {
          totalCount nodes { status raisedOn resolvedAt } } }`,
        { code, from: year ? `${year}-01-01` : null, to: year ? `${year}-12-31` : null },
      );
      const nodes = listed.concerns.nodes as {
        status: string;
        raisedOn: string;
        resolvedAt: string | null;
      }[];
      expect(nodes.length).toBe(listed.concerns.totalCount);
      const days = nodes
        .filter((c) => c.status === "RESOLVED")
        .map((c) => (Date.parse(c.resolvedAt!) - Date.parse(`${c.raisedOn}T00:00:00Z`)) / 86_400_000)
        .sort((a, b) => a - b);
      const round = (n: number) => Math.round(n * 10) / 10;
      const mid = Math.floor((days.length - 1) / 2);
      const response = await client.gql(STATS, { code, year });
      expect(response.errors).toBeUndefined();
      expect(response.data!.concernStats).toEqual({
        open: nodes.filter((c) => c.status === "OPEN").length,
        inProgress: nodes.filter((c) => c.status === "IN_PROGRESS").length,
        resolved: days.length,
        total: nodes.length,
        averageDaysToResolve: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length) : null,
        medianDaysToResolve: days.length
          ? round(days.length % 2 ? days[mid] : (days[mid] + days[mid + 1]) / 2)
          : null,
      });
    }
    const city = (await admin.data(STATS, { code: "92", year: 2016 })).concernStats;
    const thoiLaiView = (await thoiLai.data(STATS, { code: "92", year: 2016 })).concernStats;
    expect(city.total).toBeGreaterThan(thoiLaiView.total);
    expect(city.resolved).toBeGreaterThan(0);
  });

  it("counts with two SQL statements beyond naming the unit, however many concerns there are", async () => {
    const statements = async (query: string, variables: Record<string, unknown>) =>
      Number((await admin.gql(query, variables)).headers.get("x-sql-statements"));
    // Signing in and resolving the unit code: what any query naming a unit costs.
    const baseline = await statements(`query($code: String!) { orgUnit(code: $code) { id } }`, {
      code: "92",
    });
    const city = await statements(STATS, { code: "92", year: null });
    const xa = await statements(STATS, { code: "925.02", year: 2016 });
    console.log(
      `[${dialect}] concernStats: ${city - baseline} SQL statements for the city, ${xa - baseline} for a xã`,
    );
    expect(city - baseline).toBe(2); // counts and mean by status; the middle values for the median
    expect(xa - baseline).toBeLessThanOrEqual(2); // no median statement when nothing is resolved
  });
});

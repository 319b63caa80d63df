import { describeEachDatabase } from "../../test/databases";
import { codeOf, databaseState, eventsFor } from "../../test/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";
import { fromGlobalId } from "../../core/global-id";

const PLEDGE = "id status version title reportNote rejectionReason decidedBy { code }";

describeEachDatabase("the pledge lifecycle through GraphQL", (dialect) => {
  let server: TestServer;
  let member: TestClient; // member.codo: directs a cell under xã Trung An
  let confirmer: TestClient; // committee.trungan: the committee of the cell's parent
  let admin: TestClient;
  let assignmentId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    [member, confirmer, admin] = await Promise.all([
      server.as("member.codo"),
      server.as("committee.trungan"),
      server.as("admin"),
    ]);
    const data = await member.data(
      `{ viewer { member { assignments(year: 2016) { id unit { code parent { code } } } } } }`,
    );
    const assignment = data.viewer.member.assignments.find(
      (a: { unit: { parent: { code: string } } }) => a.unit.parent.code === "925.02",
    );
    assignmentId = assignment.id;
  });
  afterAll(() => server?.stop());

  async function register(title = "Vận động xây 2 cây cầu bê tông", key?: string): Promise<any> {
    return member.gql(
      `mutation($input: RegisterPledgeInput!, $key: String) { registerPledge(input: $input, idempotencyKey: $key) { ${PLEDGE} } }`,
      {
        input: {
          assignment: assignmentId,
          year: 2016,
          title,
          category: "INFRASTRUCTURE",
          ntmCriterionNumber: 2,
          targetQuantity: 2,
          targetUnit: "cầu",
        },
        key,
      },
    );
  }
  const registered = async () => (await register()).data.registerPledge;
  const report = (client: TestClient, id: string) =>
    client.gql(
      `mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Đã hoàn thành 2 cầu", achievedQuantity: 2, evidenceLinks: ["https://example.org/bien-ban.pdf"] }) { ${PLEDGE} } }`,
      { id },
    );
  const confirm = (client: TestClient, id: string) =>
    client.gql(`mutation($id: ID!) { confirmPledge(input: { id: $id }) { ${PLEDGE} } }`, { id });
  const reject = (client: TestClient, id: string, reason?: string) =>
    client.gql(
      `mutation($id: ID!, $reason: String) { rejectPledge(input: { id: $id, reason: $reason }) { ${PLEDGE} } }`,
      { id, reason },
    );
  const withdraw = (client: TestClient, id: string) =>
    client.gql(`mutation($id: ID!) { withdrawPledge(input: { id: $id }) { ${PLEDGE} } }`, { id });
  const reported = async () => {
    const pledge = await registered();
    expect(codeOf(await report(member, pledge.id))).toBeNull();
    return pledge;
  };

  it("walks REGISTERED → REPORTED → REJECTED → REPORTED → CONFIRMED with the right users, one event per step", async () => {
    const pledge = await registered();
    expect(pledge).toMatchObject({ status: "REGISTERED", version: 1 });
    const updated = await member.data(
      `mutation($id: ID!) { updatePledge(input: { id: $id, title: "Vận động xây 3 cây cầu", targetQuantity: 3, expectedVersion: 1 }) { ${PLEDGE} } }`,
      { id: pledge.id },
    );
    expect(updated.updatePledge).toMatchObject({ title: "Vận động xây 3 cây cầu", version: 2 });
    expect((await report(member, pledge.id)).data!.reportPledge).toMatchObject({
      status: "REPORTED",
      reportNote: "Đã hoàn thành 2 cầu",
    });
    expect((await reject(confirmer, pledge.id, "Mới xong 2 trên 3 cầu")).data!.rejectPledge).toMatchObject({
      status: "REJECTED",
      rejectionReason: "Mới xong 2 trên 3 cầu",
      decidedBy: { code: "925.02" },
    });
    expect((await report(member, pledge.id)).data!.reportPledge.status).toBe("REPORTED");
    const done = (await confirm(confirmer, pledge.id)).data!.confirmPledge;
    expect(done).toMatchObject({ status: "CONFIRMED", decidedBy: { code: "925.02" } });
    expect(done.version).toBe(6);
    for (const [action, count] of [
      ["PLEDGE_REGISTERED", 1],
      ["PLEDGE_UPDATED", 1],
      ["PLEDGE_REPORTED", 2],
      ["PLEDGE_REJECTED", 1],
      ["PLEDGE_CONFIRMED", 1],
    ] as const) {
      const events = await eventsFor(admin, action, pledge.id);
      expect(events).toHaveLength(count);
    }
    const [confirmed] = await eventsFor(admin, "PLEDGE_CONFIRMED", pledge.id);
    expect(confirmed).toMatchObject({
      actorLabel: "committee.trungan",
      before: { status: "REPORTED" },
      after: { status: "CONFIRMED" },
    });
  });

  it("lets the member withdraw a registered pledge, and then nothing moves it", async () => {
    const pledge = await registered();
    expect((await withdraw(member, pledge.id)).data!.withdrawPledge.status).toBe("WITHDRAWN");
    expect(await eventsFor(admin, "PLEDGE_WITHDRAWN", pledge.id)).toHaveLength(1);
  });

  describe("refuses every wrong move with a stable code and changes nothing", () => {
    const cases: [string, () => Promise<{ id: string }>, () => Promise<any>, string][] = [];
    let target: { id: string };
    const refuse = (
      label: string,
      setup: () => Promise<{ id: string }>,
      act: (id: string) => Promise<any>,
      code: string,
    ) => cases.push([label, setup, () => act(target.id), code]);

    refuse(
      "a member confirming their own pledge",
      reported,
      (id) => confirm(member, id),
      "SELF_CONFIRMATION_FORBIDDEN",
    );
    refuse(
      "a committee outside the subtree confirming",
      reported,
      async (id) => confirm(await server.as("committee.thoilai"), id),
      "NOT_FOUND",
    );
    refuse(
      "the district committee confirming a cell's pledge (not the unit directly above)",
      reported,
      async (id) => confirm(await server.as("committee.codo"), id),
      "NOT_CONFIRMER",
    );
    refuse(
      "a viewer confirming",
      reported,
      async (id) => confirm(await server.as("viewer.codo"), id),
      "FORBIDDEN",
    );
    refuse("an anonymous caller confirming", reported, (id) => confirm(server, id), "UNAUTHENTICATED");
    refuse(
      "confirming a REGISTERED pledge",
      registered,
      (id) => confirm(confirmer, id),
      "PLEDGE_NOT_REPORTED",
    );
    refuse(
      "confirming twice",
      async () => {
        const p = await reported();
        expect(codeOf(await confirm(confirmer, p.id))).toBeNull();
        return p;
      },
      (id) => confirm(confirmer, id),
      "PLEDGE_ALREADY_DECIDED",
    );
    refuse(
      "rejecting a confirmed pledge",
      async () => {
        const p = await reported();
        expect(codeOf(await confirm(confirmer, p.id))).toBeNull();
        return p;
      },
      (id) => reject(confirmer, id, "Sai"),
      "PLEDGE_ALREADY_DECIDED",
    );
    refuse("rejecting without a reason", reported, (id) => reject(confirmer, id, "   "), "REASON_REQUIRED");
    refuse(
      "reporting a withdrawn pledge",
      async () => {
        const p = await registered();
        expect(codeOf(await withdraw(member, p.id))).toBeNull();
        return p;
      },
      (id) => report(member, id),
      "PLEDGE_WITHDRAWN",
    );
    refuse(
      "withdrawing a reported pledge",
      reported,
      (id) => withdraw(member, id),
      "PLEDGE_ALREADY_REPORTED",
    );
    refuse(
      "editing a reported pledge",
      reported,
      (id) =>
        member.gql(`mutation($id: ID!) { updatePledge(input: { id: $id, title: "x" }) { id } }`, { id }),
      "PLEDGE_NOT_EDITABLE",
    );
    refuse(
      "editing with a stale version",
      registered,
      (id) =>
        member.gql(
          `mutation($id: ID!) { updatePledge(input: { id: $id, title: "Mới", expectedVersion: 7 }) { id } }`,
          { id },
        ),
      "VERSION_CONFLICT",
    );
    refuse(
      "a committee reporting a member's pledge",
      registered,
      (id) => report(confirmer, id),
      "NOT_ASSIGNED_MEMBER",
    );
    refuse(
      "registering under someone else's assignment",
      registered,
      async () => {
        const data = await confirmer.data(
          `{ orgUnit(code: "925.02") { descendants(levels: [CELL], first: 5) { nodes { assignments(year: 2016) { id member { id } } } } } }`,
        );
        const own = (await member.data(`{ viewer { member { id } } }`)).viewer.member.id;
        const other = data.orgUnit.descendants.nodes
          .flatMap((n: any) => n.assignments)
          .find((a: any) => a.member.id !== own);
        return member.gql(
          `mutation($a: ID!) { registerPledge(input: { assignment: $a, year: 2016, title: "x", category: OTHER }) { id } }`,
          { a: other.id },
        );
      },
      "NOT_ASSIGNED_MEMBER",
    );
    refuse(
      "registering for a year the assignment does not run in",
      registered,
      () =>
        member.gql(
          `mutation($a: ID!) { registerPledge(input: { assignment: $a, year: 2013, title: "x", category: OTHER }) { id } }`,
          { a: assignmentId },
        ),
      "ASSIGNMENT_NOT_ACTIVE",
    );

    it.each(cases.map((c) => [c[0], c] as const))("%s", async (_label, [, setup, act, code]) => {
      target = await setup();
      const pledgeId = fromGlobalId(target.id).id;
      const before = await databaseState(server, "pledge", pledgeId);
      const pledgesBefore = (await databaseState(server, "pledge")).rows.length;
      const result = await act();
      expect(codeOf(result)).toBe(code);
      expect(result.errors[0].message).toMatch(/\w/);
      expect(await databaseState(server, "pledge", pledgeId)).toEqual(before);
      expect((await databaseState(server, "pledge")).rows.length).toBe(pledgesBefore);
    });
  });

  it("lets exactly one of 20 concurrent confirmations win; the others get PLEDGE_ALREADY_DECIDED", async () => {
    const pledge = await reported();
    const results = await Promise.all(Array.from({ length: 20 }, () => confirm(confirmer, pledge.id)));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === null)).toHaveLength(1);
    expect(codes.filter((c) => c === "PLEDGE_ALREADY_DECIDED")).toHaveLength(19);
    expect(await eventsFor(admin, "PLEDGE_CONFIRMED", pledge.id)).toHaveLength(1);
    const row = (await databaseState(server, "pledge", fromGlobalId(pledge.id).id)).rows[0] as {
      status: string;
      version: number;
    };
    expect(row).toMatchObject({ status: "CONFIRMED", version: 3 });
  });

  it("does not act twice for a retried mutation with the same idempotency key", async () => {
    const key = `retry-${dialect}-${Date.now()}`;
    const first = await register("Nạo vét 2 km kênh", key);
    const second = await register("Nạo vét 2 km kênh", key);
    expect(second.data.registerPledge.id).toBe(first.data.registerPledge.id);
    expect(await eventsFor(admin, "PLEDGE_REGISTERED", first.data.registerPledge.id)).toHaveLength(1);
    expect(codeOf(await register("Something else", key))).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("does not act twice when the same key arrives five times at once", async () => {
    const key = `burst-${dialect}-${Date.now()}`;
    const before = (await databaseState(server, "pledge")).rows.length;
    const results = await Promise.all(Array.from({ length: 5 }, () => register("Lắp 1 km đèn", key)));
    expect(results.map(codeOf)).toEqual([null, null, null, null, null]);
    expect(new Set(results.map((r) => r.data.registerPledge.id)).size).toBe(1);
    expect((await databaseState(server, "pledge")).rows.length).toBe(before + 1);
  });
});

import type { DataSource } from "typeorm";
import { fromGlobalId, toGlobalId } from "../../core/global-id";
import { describeEachDatabase } from "../../test/databases";
import { codeOf } from "../../test/fixtures";
import { startTestServer, type TestServer } from "../../test/harness";
import { rebuildCounters } from "./counters.rebuild";

async function counterRows(db: DataSource): Promise<string[]> {
  const rows: { unit_id: number; period: number; metric: string; value: number }[] = await db.query(
    "SELECT unit_id, period, metric, value FROM subtree_counter WHERE value <> 0 ORDER BY unit_id, period, metric",
  );
  return rows.map((r) => `${r.unit_id} ${r.period} ${r.metric} ${Number(r.value)}`);
}

describeEachDatabase("subtree counters under concurrent changes", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server?.stop());

  it("lose no update when 20 confirmations, 20 withdrawals and 20 racing confirmations of one pledge land at once", async () => {
    const [member, committee] = await Promise.all([server.as("member.codo"), server.as("committee.trungan")]);
    const data = await member.data(
      `{ viewer { member { assignments(year: 2016) { id unit { parent { code } } } } } }`,
    );
    const assignment = data.viewer.member.assignments.find(
      (a: { unit: { parent: { code: string } } }) => a.unit.parent.code === "925.02",
    ).id;
    const register = async (i: number) =>
      (
        await member.data(`mutation($i: RegisterPledgeInput!) { registerPledge(input: $i) { id } }`, {
          i: { assignment, year: 2016, title: `Việc song song ${i}`, category: "OTHER" },
        })
      ).registerPledge.id as string;
    const report = (id: string) =>
      member.data(`mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Xong" }) { id } }`, {
        id,
      });
    const toConfirm: string[] = [];
    const toWithdraw: string[] = [];
    for (let i = 0; i < 20; i++) {
      toConfirm.push(await register(i));
      toWithdraw.push(await register(100 + i));
    }
    for (const id of toConfirm) await report(id);
    const contested = await register(200);
    await report(contested);
    const before = await counterRows(server.db);

    const confirm = (id: string) =>
      committee.gql(`mutation($id: ID!) { confirmPledge(input: { id: $id }) { id status } }`, { id });
    const withdraw = (id: string) =>
      member.gql(`mutation($id: ID!) { withdrawPledge(input: { id: $id }) { id status } }`, { id });
    const results = await Promise.all([
      ...toConfirm.map(confirm),
      ...toWithdraw.map(withdraw),
      ...Array.from({ length: 20 }, () => confirm(contested)),
    ]);
    const codes = results.map(codeOf);
    // Every distinct change succeeded; of the racing confirmations exactly one won, the others were refused.
    expect(codes.slice(0, 40)).toEqual(Array(40).fill(null));
    expect(codes.slice(40).filter((c) => c === null)).toHaveLength(1);
    expect(codes.slice(40).filter((c) => c !== null)).toEqual(Array(19).fill("PLEDGE_ALREADY_DECIDED"));

    const after = await counterRows(server.db);
    expect(after).not.toEqual(before);
    await rebuildCounters(server.db);
    expect(after).toEqual(await counterRows(server.db));
  });

  it("count concurrent visits of one assignment one at a time (the month becomes compliant exactly once)", async () => {
    const [member, admin] = await Promise.all([server.as("member.codo"), server.as("admin")]);
    // member.codo is assigned to a cell under a directive with a visit minimum (2 a month).
    const [setup]: { directive: number; cell: string; member: number }[] = await server.db.query(
      `SELECT (SELECT d.id FROM directive d JOIN org_unit i ON i.id = d.issuer_unit_id
                WHERE d.min_visits_per_month = 2 AND i.code = '925' ORDER BY d.id LIMIT 1) AS directive,
              (SELECT c.code FROM org_unit c WHERE c.code LIKE '925.%' AND c.level = 'CELL' ORDER BY c.code LIMIT 1) AS cell,
              (SELECT u.member_id FROM app_user u WHERE u.username = 'member.codo') AS member`,
    );
    const assigned = await admin.data(`mutation($i: AssignMemberInput!) { assignMember(input: $i) { id } }`, {
      i: {
        unit: { code: setup.cell },
        member: toGlobalId("Member", setup.member),
        directive: toGlobalId("Directive", setup.directive),
        scope: "COMPREHENSIVE",
        startsOn: "2016-01-01",
      },
    });
    const rows = [{ id: Number(fromGlobalId(assigned.assignMember.id).id) }];
    const compliantInFebruary = async () => {
      const found: { n: number | string }[] = await server.db.query(
        "SELECT value AS n FROM subtree_counter WHERE unit_id = 1 AND period = 201602 AND metric = 'visit.compliant'",
      );
      return Number(found[0]?.n ?? 0);
    };
    const compliantBefore = await compliantInFebruary();
    const id = toGlobalId("Assignment", rows[0].id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        member.gql(`mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`, {
          i: {
            assignment: id,
            visitedOn: `2016-02-${String(10 + i).padStart(2, "0")}`,
            kind: "CELL_MEETING",
          },
        }),
      ),
    );
    expect(results.map(codeOf)).toEqual(Array(6).fill(null));
    expect((await compliantInFebruary()) - compliantBefore).toBe(1);
    const after = await counterRows(server.db);
    await rebuildCounters(server.db);
    expect(after).toEqual(await counterRows(server.db));
  });
});

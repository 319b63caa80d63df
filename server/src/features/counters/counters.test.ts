import type { DataSource } from "typeorm";
import { toGlobalId } from "../../core/global-id";
import { describeEachDatabase } from "../../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";
import { computeDashboard } from "../dashboard/dashboard.compute";
import { OrgUnit } from "../org-units/org-unit.entity";
import { rebuildCounters } from "./counters.rebuild";
import { recountFigures, subtreeContext, type Figures } from "./counters.recount";

/** Every non-zero counter row, in key order. */
async function counterRows(db: DataSource): Promise<string[]> {
  const rows: { unit_id: number; period: number; metric: string; value: number }[] = await db.query(
    "SELECT unit_id, period, metric, value FROM subtree_counter WHERE value <> 0 ORDER BY unit_id, period, metric",
  );
  return rows.map((r) => `${r.unit_id} ${r.period} ${r.metric} ${Number(r.value)}`);
}

/** Figures in a comparable form: groups sorted, empty groups dropped. */
function normalised(f: Figures): Figures {
  return {
    ...f,
    pledgesByStatus: [...f.pledgesByStatus].sort((a, b) => a.status.localeCompare(b.status)),
    ntm: {
      ...f.ntm,
      communes: f.ntm.communes
        .filter((c) => c.count !== 0)
        .sort((a, b) => a.criteriaMet - b.criteriaMet || Number(a.recognised) - Number(b.recognised)),
    },
  };
}

/** Dashboard figures (from the counters) against a recount from the base tables, for every unit that has counters. */
async function expectFiguresMatchRecount(db: DataSource, years: number[], months: number[]): Promise<number> {
  const units = await db.getRepository(OrgUnit).find({ where: {}, order: { path: "ASC" } });
  let compared = 0;
  for (const unit of units.filter((u) => u.level !== "CELL")) {
    for (const year of years) {
      for (const month of months) {
        const ctx = subtreeContext(db, unit);
        const dashboard = await computeDashboard(ctx, unit, year, month, 0);
        const fromCounters: Figures = {
          pledgesByStatus: dashboard.pledgesByStatus,
          ntm: dashboard.ntm.totals,
          compliance: {
            assessed: dashboard.visitCompliance.assessed,
            compliant: dashboard.visitCompliance.compliant,
          },
          openConcerns: dashboard.openConcerns,
        };
        const recounted = await recountFigures(subtreeContext(db, unit), unit, year, month);
        expect({ unit: unit.code, year, month, ...normalised(fromCounters) }).toEqual({
          unit: unit.code,
          year,
          month,
          ...normalised(recounted),
        });
        compared += 1;
      }
    }
  }
  return compared;
}

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachDatabase("subtree counters", (dialect) => {
  let server: TestServer;
  let db: DataSource;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.db;
  });
  afterAll(() => server?.stop());

  it("give the demo data's figures exactly as a recount of the base tables does", async () => {
    const before = await counterRows(db);
    expect(before.length).toBeGreaterThan(100);
    expect(await expectFiguresMatchRecount(db, [2015, 2016], [3])).toBeGreaterThan(150);
  });

  it("stay equal to a recount after random workflow operations (pledges, visits, concerns, NTM, assignments)", async () => {
    const rnd = random(dialect === "sqlite" ? 7 : 11);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const as = new Map<string, TestClient>();
    for (const name of ["admin", "member.codo", "committee.trungan", "committee.codo", "committee.binhthuy"])
      as.set(name, await server.as(name));
    const client = (name: string) => as.get(name)!;
    const ids = async (sql: string, params: unknown[] = []) =>
      ((await db.query(sql, params)) as Record<string, unknown>[]).map((r) => r);
    const [{ member_id: memberId }] = (await ids(
      "SELECT m.id AS member_id FROM app_user u JOIN member m ON m.id = u.member_id WHERE u.username = 'member.codo'",
    )) as { member_id: number }[];
    const committees = new Map<number, string>();
    for (const row of (await ids(
      "SELECT username, unit_id FROM app_user WHERE username IN ('admin', 'committee.trungan', 'committee.codo', 'committee.binhthuy')",
    )) as { username: string; unit_id: number }[])
      committees.set(Number(row.unit_id), row.username);
    const [{ path: binhThuyPath, code: binhThuyCode }] = (await ids(
      "SELECT o.path AS path, o.code AS code FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = 'committee.binhthuy'",
    )) as { path: string; code: string }[];
    const [directive] = (await ids("SELECT id FROM directive WHERE number = '02-NQ/QU'")) as { id: number }[];
    const communes = (await ids("SELECT code FROM org_unit WHERE kind = 'COMMUNE'")) as { code: string }[];
    const done = new Map<string, number>();
    const failures = new Map<string, unknown>();
    const ok = (op: string, result: { errors?: unknown[] }) => {
      if (!result.errors?.length) done.set(op, (done.get(op) ?? 0) + 1);
      else if (!failures.has(op)) failures.set(op, result.errors[0]);
    };
    const gql = async (who: string, op: string, query: string, variables: Record<string, unknown>) =>
      ok(op, await client(who).gql(query, variables));
    const day = (year: number) =>
      `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;

    // member.codo also directs a cell under a directive with a visit minimum, so visits move compliance counters.
    const [setup] = (await ids(
      `SELECT (SELECT d.id FROM directive d JOIN org_unit i ON i.id = d.issuer_unit_id
                WHERE d.min_visits_per_month = 2 AND i.code = '925' ORDER BY d.id LIMIT 1) AS directive,
              (SELECT c.code FROM org_unit c WHERE c.code LIKE '925.%' AND c.level = 'CELL' ORDER BY c.code LIMIT 1) AS cell`,
    )) as { directive: number; cell: string }[];
    const assigned = await client("admin").data(
      `mutation($i: AssignMemberInput!) { assignMember(input: $i) { id } }`,
      {
        i: {
          unit: { code: setup.cell },
          member: toGlobalId("Member", memberId),
          directive: toGlobalId("Directive", setup.directive),
          scope: "COMPREHENSIVE",
          startsOn: "2016-01-01",
        },
      },
    );
    const visited: string = assigned.assignMember.id;
    // One commune meets every criterion in 2016, so it can be recognised and its histogram rows move.
    const unrecognised = (await ids(
      "SELECT code FROM org_unit u WHERE kind = 'COMMUNE' AND NOT EXISTS (SELECT 1 FROM ntm_recognition r WHERE r.unit_id = u.id)",
    )) as { code: string }[];
    const star = pick(unrecognised).code;
    for (let n = 1; n <= 19; n++)
      await gql(
        "admin",
        "criterion",
        `mutation($i: SetNtmCriterionStatusInput!) { setNtmCriterionStatus(input: $i) { id } }`,
        {
          i: { unit: { code: star }, year: 2016, criterionNumber: n, met: true },
        },
      );

    await gql("admin", "recognise", `mutation($i: RecognizeNtmInput!) { recognizeNtm(input: $i) { id } }`, {
      i: { unit: { code: star }, decisionNumber: "QĐ-1", decidedOn: "2016-11-20" },
    });
    for (let step = 0; step < 90; step++) {
      const r = rnd();
      if (r < 0.14) {
        const assignments = (await ids(
          "SELECT id FROM assignment WHERE member_id = ? AND starts_on <= '2016-12-31' AND (ends_on IS NULL OR ends_on >= '2016-01-01')",
          [memberId],
        )) as { id: number }[];
        await gql(
          "member.codo",
          "register",
          `mutation($i: RegisterPledgeInput!) { registerPledge(input: $i) { id } }`,
          {
            i: {
              assignment: toGlobalId("Assignment", pick(assignments).id),
              year: 2016,
              title: `Việc ${step}`,
              category: "OTHER",
            },
          },
        );
      } else if (r < 0.26) {
        const mine = (await ids(
          "SELECT id FROM pledge WHERE member_id = ? AND status IN ('REGISTERED', 'REJECTED')",
          [memberId],
        )) as { id: number }[];
        if (mine.length)
          await gql(
            "member.codo",
            "report",
            `mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Xong" }) { id } }`,
            {
              id: toGlobalId("Pledge", pick(mine).id),
            },
          );
      } else if (r < 0.31) {
        const mine = (await ids("SELECT id FROM pledge WHERE member_id = ? AND status = 'REGISTERED'", [
          memberId,
        ])) as { id: number }[];
        if (mine.length)
          await gql(
            "member.codo",
            "withdraw",
            `mutation($id: ID!) { withdrawPledge(input: { id: $id }) { id } }`,
            {
              id: toGlobalId("Pledge", pick(mine).id),
            },
          );
      } else if (r < 0.45) {
        const reported = (
          (await ids(
            "SELECT p.id AS id, u.parent_id AS parent FROM pledge p JOIN org_unit u ON u.id = p.unit_id WHERE p.status = 'REPORTED'",
          )) as { id: number; parent: number }[]
        ).filter((p) => committees.has(Number(p.parent)));
        if (reported.length) {
          const p = pick(reported);
          const confirm = rnd() < 0.6;
          await gql(
            committees.get(Number(p.parent))!,
            confirm ? "confirm" : "reject",
            confirm
              ? `mutation($id: ID!) { confirmPledge(input: { id: $id }) { id } }`
              : `mutation($id: ID!) { rejectPledge(input: { id: $id, reason: "Chưa đủ" }) { id } }`,
            { id: toGlobalId("Pledge", p.id) },
          );
        }
      } else if (r < 0.55) {
        const assignments = (await ids("SELECT id, starts_on, ends_on FROM assignment WHERE member_id = ?", [
          memberId,
        ])) as { id: number }[];
        await gql(
          "member.codo",
          "visit",
          `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`,
          {
            i: {
              assignment: rnd() < 0.7 ? visited : toGlobalId("Assignment", pick(assignments).id),
              visitedOn: `2016-0${1 + Math.floor(rnd() * 3)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`,
              kind: "CELL_MEETING",
            },
          },
        );
      } else if (r < 0.7) {
        const code = rnd() < 0.4 ? star : pick(communes).code;
        await gql(
          "admin",
          "criterion",
          `mutation($i: SetNtmCriterionStatusInput!) { setNtmCriterionStatus(input: $i) { id } }`,
          {
            i: {
              unit: { code },
              year: pick([2015, 2016, 2017]),
              criterionNumber: 1 + Math.floor(rnd() * 19),
              met: rnd() < 0.6,
            },
          },
        );
      } else if (r < 0.73) {
        await gql(
          "admin",
          "recognise",
          `mutation($i: RecognizeNtmInput!) { recognizeNtm(input: $i) { id } }`,
          {
            i: {
              unit: { code: rnd() < 0.7 ? star : pick(communes).code },
              decisionNumber: `QĐ-${step}`,
              decidedOn: "2016-11-20",
            },
          },
        );
      } else if (r < 0.85) {
        const open = (await ids(
          "SELECT c.id AS id, c.status AS status, c.handler_unit_id AS handler FROM concern c JOIN org_unit u ON u.id = c.raised_by_unit_id WHERE u.path LIKE ? AND c.status <> 'RESOLVED'",
          [`${binhThuyPath}%`],
        )) as { id: number; status: string; handler: number | null }[];
        const units = (await ids("SELECT code FROM org_unit WHERE path LIKE ?", [`${binhThuyPath}%`])) as {
          code: string;
        }[];
        if (open.length === 0 || rnd() < 0.35) {
          await gql(
            "committee.binhthuy",
            "raise",
            `mutation($i: RaiseConcernInput!) { raiseConcern(input: $i) { id } }`,
            {
              i: { raisedBy: { code: pick(units).code }, title: `Khó khăn ${step}`, raisedOn: "2016-05-02" },
            },
          );
        } else {
          const c = pick(open);
          const id = toGlobalId("Concern", c.id);
          if (c.handler == null)
            await gql(
              "committee.binhthuy",
              "handler",
              `mutation($id: ID!, $handler: String!) { assignConcernHandler(input: { id: $id, handler: { code: $handler } }) { id } }`,
              { id, handler: binhThuyCode },
            );
          else if (c.status === "OPEN" && rnd() < 0.5)
            await gql(
              "committee.binhthuy",
              "start",
              `mutation($id: ID!) { startConcern(input: { id: $id }) { id } }`,
              { id },
            );
          else
            await gql(
              "committee.binhthuy",
              "resolve",
              `mutation($id: ID!) { resolveConcern(input: { id: $id, answer: "Đã xử lý" }) { id } }`,
              { id },
            );
        }
      } else {
        const running = (await ids(
          "SELECT a.id AS id, a.starts_on AS starts_on FROM assignment a JOIN org_unit u ON u.id = a.unit_id WHERE u.path LIKE ? AND a.ends_on IS NULL AND a.directive_id = ?",
          [`${binhThuyPath}%`, directive?.id ?? 0],
        )) as { id: number; starts_on: string }[];
        if (rnd() < 0.5 && running.length) {
          const a = pick(running);
          await gql(
            "committee.binhthuy",
            "end",
            `mutation($i: EndAssignmentInput!) { endAssignment(input: $i) { id } }`,
            {
              i: { id: toGlobalId("Assignment", a.id), endsOn: day(2016) },
            },
          );
        } else {
          const cells = (await ids("SELECT code FROM org_unit WHERE path LIKE ? AND level = 'CELL'", [
            `${binhThuyPath}%`,
          ])) as { code: string }[];
          const members = (await ids(
            "SELECT DISTINCT a.member_id AS id FROM assignment a JOIN org_unit u ON u.id = a.unit_id WHERE u.path LIKE ?",
            [`${binhThuyPath}%`],
          )) as { id: number }[];
          await gql(
            "committee.binhthuy",
            "assign",
            `mutation($i: AssignMemberInput!) { assignMember(input: $i) { id } }`,
            {
              i: {
                unit: { code: pick(cells).code },
                member: toGlobalId("Member", pick(members).id),
                directive: toGlobalId("Directive", directive?.id ?? 0),
                scope: "AREA",
                startsOn: day(2015),
                endsOn: rnd() < 0.5 ? null : day(2017),
              },
            },
          );
        }
      }
    }
    // Every kind of change happened at least once (the first refusal of each kind says why when one did not).
    expect({ done: [...done.keys()].sort(), failures: JSON.stringify([...failures]) }).toMatchObject({
      done: expect.arrayContaining([
        "assign",
        "confirm",
        "criterion",
        "end",
        "raise",
        "recognise",
        "register",
        "report",
        "visit",
      ]),
    });

    const maintained = await counterRows(db);
    await rebuildCounters(db);
    expect(maintained).toEqual(await counterRows(db));
    expect(await expectFiguresMatchRecount(db, [2016, 2017], [1, 2, 11])).toBeGreaterThan(400);
  });
});

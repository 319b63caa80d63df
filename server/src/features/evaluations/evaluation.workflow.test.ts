import { fromGlobalId } from "../../core/global-id";
import { describeEachDatabase } from "../../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";
import { Grade } from "./evaluation.enums";
import { readGradeInputs } from "./evaluation.queries";
import { proposeGrade, type GradeInputs } from "./grade-rule";

/**
 * Evaluations through the API: proposed grades computed from the year's pledges and visits, final grades set by
 * the committee over the member's home unit with the 2018 quota warning, unit grades set by the committee
 * above. Every mutation's event row is found in the event log; every refusal changes nothing.
 */
describeEachDatabase("evaluation workflow", (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let codo: TestClient;
  /** Cờ Đỏ members whose organisation (home unit) is the district itself, with an evaluation for 2016. */
  let districtMembers: string[];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    admin = await server.as("admin");
    codo = await server.as("committee.codo");
  });
  afterAll(() => server?.stop());

  const eventCount = async (actions: string[]) =>
    (
      await admin.data<{ events: { totalCount: number } }>(
        `query($actions: [String!]) { events(filter: { actions: $actions }) { totalCount } }`,
        { actions },
      )
    ).events.totalCount;

  const lastEvent = async (action: string) => {
    const { events } = await admin.data(
      `query($actions: [String!]) { events(filter: { actions: $actions }, first: 100) {
         totalCount nodes { action entityType entityId actorLabel unit { code } before after } } }`,
      { actions: [action] },
    );
    return events.nodes[events.nodes.length - 1];
  };

  const evaluationOf = async (member: string, year: number) => {
    const { node } = await admin.data(
      `query($id: ID!, $year: Int) { node(id: $id) { ... on Member {
         evaluations(year: $year) { id proposedGrade finalGrade note decidedBy { code } } } } }`,
      { id: member, year },
    );
    return node.evaluations[0] ?? null;
  };

  /**
   * Reads each covered member's year back through the API (pledges, assignments with their directive's visit
   * minimum and visits) as admin, applies proposeGrade() by hand and compares with the stored proposal.
   */
  const expectProposalsFollowTheRule = async (
    code: string,
    covered: { member: { id: string } }[],
  ): Promise<GradeInputs[]> => {
    const ids = new Set(covered.map((e) => e.member.id));
    const nodes: { proposedGrade: string; member: MemberYear & { id: string } }[] = [];
    let after: string | null = null;
    do {
      const { evaluations }: { evaluations: EvaluationPage } = await admin.data(
        `query($code: String, $after: String) {
           evaluations(filter: { under: { code: $code }, year: 2016 }, first: 100, after: $after) {
             pageInfo { hasNextPage endCursor }
             nodes { proposedGrade member { id
               pledges(year: 2016) { status rejectionReason }
               assignments(year: 2016) { startsOn endsOn directive { minVisitsPerMonth }
                 visits(from: "2016-01-01", to: "2016-12-31") { visitedOn } } } } } }`,
        { code, after },
      );
      nodes.push(...evaluations.nodes);
      after = evaluations.pageInfo.hasNextPage ? evaluations.pageInfo.endCursor : null;
    } while (after);
    const checked = nodes.filter((e) => ids.has(e.member.id));
    expect(checked.length).toBe(ids.size);
    const inputs = checked.map((e) => inputsOf(e.member));
    checked.forEach((e, i) =>
      expect([e.member.id, e.proposedGrade]).toEqual([e.member.id, proposeGrade(inputs[i])]),
    );
    expect(new Set(checked.map((e) => e.proposedGrade)).size).toBeGreaterThan(1);
    return inputs;
  };

  const PROPOSE = `mutation($input: ProposeGradesInput!, $key: String) {
    proposeGrades(input: $input, idempotencyKey: $key) {
      unit { code } year members changed decided outsideScope proposed { grade count }
      evaluations(first: 100) { totalCount nodes { id proposedGrade member { id homeUnit { code } } } }
    } }`;

  const SET_FINAL = `mutation($input: SetFinalGradeInput!, $key: String) {
    setFinalGrade(input: $input, idempotencyKey: $key) {
      evaluation { id year finalGrade note decidedBy { code } member { id } }
      quotaWarning { unit { code } year excellent good maxExcellent }
    } }`;

  const setFinal = (client: TestClient, member: string, grade: Grade, key?: string) =>
    client.gql(SET_FINAL, { input: { member, year: 2016, grade }, key });

  describe("proposeGrades", () => {
    it("proposes a grade for every member directing a unit of Cờ Đỏ in 2016, equal to the rule applied to their pledges and visits", async () => {
      const before = await eventCount(["EVALUATION_PROPOSED"]);
      const { proposeGrades: result } = await codo.data(PROPOSE, {
        input: { unit: { code: "925" }, year: 2016 },
        key: "propose-925-2016",
      });
      expect(result.unit.code).toBe("925");
      expect(result.members).toBeGreaterThan(50);
      expect(result.evaluations.totalCount).toBe(result.members);
      expect(result.decided).toBe(0);
      expect(result.changed).toBeGreaterThan(0);
      expect(result.proposed.reduce((sum: number, g: { count: number }) => sum + g.count, 0)).toBe(
        result.members,
      );
      // One event per created or changed proposal, in the member's home unit.
      expect(await eventCount(["EVALUATION_PROPOSED"])).toBe(before + result.changed);
      const event = await lastEvent("EVALUATION_PROPOSED");
      expect(event).toMatchObject({ entityType: "Evaluation", actorLabel: "committee.codo" });
      expect(event.unit).not.toBeNull();
      expect(event.after.basis).toEqual(
        expect.objectContaining({ pledges: expect.any(Number), monthsAssessed: expect.any(Number) }),
      );

      // Read every covered member's 2016 back through the API and apply the rule by hand.
      await expectProposalsFollowTheRule("925", result.evaluations.nodes);

      districtMembers = result.evaluations.nodes
        .filter((e: { member: { homeUnit: { code: string } } }) => e.member.homeUnit.code === "925")
        .map((e: { member: { id: string } }) => e.member.id);
      expect(districtMembers.length).toBeGreaterThanOrEqual(13);
    });

    it("counts visit months where the directive sets a minimum: Bình Thủy's 02-NQ/QU, two visits a month", async () => {
      const binhThuy = await server.as("committee.binhthuy");
      const { proposeGrades: result } = await binhThuy.data(PROPOSE, {
        input: { unit: { code: "918" }, year: 2016 },
      });
      expect(result.members).toBeGreaterThan(10);
      const inputs = await expectProposalsFollowTheRule("918", result.evaluations.nodes);
      // 2016 is past: every month of an assignment that ran all year is assessed, and some are missed.
      expect(Math.max(...inputs.map((i) => i.monthsAssessed))).toBeGreaterThanOrEqual(12);
      expect(inputs.some((i) => i.monthsCompliant < i.monthsAssessed)).toBe(true);
      expect(inputs.some((i) => i.monthsCompliant > 0)).toBe(true);
    });

    it("changes nothing and writes no event when run again, or replayed with its idempotency key", async () => {
      const before = await eventCount(["EVALUATION_PROPOSED"]);
      const response = await codo.gql(PROPOSE, { input: { unit: { code: "925" }, year: 2016 } });
      const again = response.data!;
      expect(again.proposeGrades.changed).toBe(0);
      // The inputs of every member come from a few batched statements, not a few per member.
      expect(again.proposeGrades.members).toBeGreaterThan(50);
      expect(Number(response.headers.get("x-sql-statements"))).toBeLessThan(25);
      const replay = await codo.data(PROPOSE, {
        input: { unit: { code: "925" }, year: 2016 },
        key: "propose-925-2016",
      });
      expect(replay.proposeGrades.members).toBe(again.proposeGrades.members);
      expect(await eventCount(["EVALUATION_PROPOSED"])).toBe(before);
    });

    it("counts a pledge rejected once as rejected, even after a new report is confirmed", async () => {
      const member = await server.as("member.codo");
      const trungan = await server.as("committee.trungan");
      const { viewer } = await member.data(
        `{ viewer { member { id pledges(year: 2016, statuses: [REPORTED]) { id } } } }`,
      );
      const memberId = fromGlobalId(viewer.member.id).id;
      const pledge = viewer.member.pledges[0].id;
      const rejectedOf = async () =>
        (await readGradeInputs(server.db.manager, [memberId], 2016, 12)).get(memberId)!.rejected;
      const before = await rejectedOf();
      await trungan.data(
        `mutation($id: ID!) { rejectPledge(input: { id: $id, reason: "Chưa đủ minh chứng." }) { status } }`,
        {
          id: pledge,
        },
      );
      expect(await rejectedOf()).toBe(before + 1);
      await member.data(
        `mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Đã bổ sung biên bản." }) { status } }`,
        {
          id: pledge,
        },
      );
      const { confirmPledge } = await trungan.data(
        `mutation($id: ID!) { confirmPledge(input: { id: $id }) { status rejectionReason } }`,
        { id: pledge },
      );
      expect(confirmPledge).toEqual({ status: "CONFIRMED", rejectionReason: null });
      expect(await rejectedOf()).toBe(before + 1); // the PLEDGE_REJECTED event remembers it
    });

    it("leaves members whose home unit lies outside the caller's subtree to their own committee", async () => {
      // Thành ủy members support Cờ Đỏ's xã from the city: committee.trungan covers neither them nor the district's people.
      const trungan = await server.as("committee.trungan");
      const { proposeGrades } = await trungan.data(PROPOSE, {
        input: { unit: { code: "925.02" }, year: 2016 },
      });
      expect(proposeGrades.members).toBe(0);
      expect(proposeGrades.outsideScope).toBeGreaterThan(0);
      expect(proposeGrades.evaluations.totalCount).toBe(0);
    });

    it.each([
      ["viewer.codo", { code: "925" }, 2016, "FORBIDDEN"],
      ["member.codo", { code: "925" }, 2016, "FORBIDDEN"],
      ["committee.thoilai", { code: "925" }, 2016, "FORBIDDEN"],
      ["committee.codo", { code: "925" }, 2100, "GRADE_NOT_ALLOWED"],
    ])("refuses %s on %j in %i with %s and writes nothing", async (user, unit, year, code) => {
      const before = await eventCount(["EVALUATION_PROPOSED"]);
      const client = await server.as(user);
      const result = await client.gql(PROPOSE, { input: { unit, year } });
      expect(result.errors?.[0].extensions?.code).toBe(code);
      expect(await eventCount(["EVALUATION_PROPOSED"])).toBe(before);
    });
  });

  describe("setFinalGrade", () => {
    it("lets committee.codo set a Cờ Đỏ member's final grade, with an EVALUATION_FINAL_SET event", async () => {
      const member = districtMembers[0];
      const before = await eventCount(["EVALUATION_FINAL_SET"]);
      const result = await codo.gql(SET_FINAL, {
        input: { member, year: 2016, grade: Grade.GOOD, note: "Hoàn thành tốt các phần việc đăng ký." },
        key: "final-good-0001",
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.setFinalGrade).toMatchObject({
        evaluation: {
          year: 2016,
          finalGrade: "GOOD",
          note: "Hoàn thành tốt các phần việc đăng ký.",
          decidedBy: { code: "925" },
          member: { id: member },
        },
        quotaWarning: null,
      });
      expect(await eventCount(["EVALUATION_FINAL_SET"])).toBe(before + 1);
      const event = await lastEvent("EVALUATION_FINAL_SET");
      expect(event).toMatchObject({
        entityType: "Evaluation",
        entityId: result.data!.setFinalGrade.evaluation.id,
        actorLabel: "committee.codo",
        unit: { code: "925" },
      });
      expect(event.before.finalGrade).toBeNull();
      expect(event.after.finalGrade).toBe("GOOD");

      // A retry with the same key acts once.
      await codo.data(SET_FINAL, {
        input: { member, year: 2016, grade: Grade.GOOD, note: "Hoàn thành tốt các phần việc đăng ký." },
        key: "final-good-0001",
      });
      expect(await eventCount(["EVALUATION_FINAL_SET"])).toBe(before + 1);
    });

    it.each([
      ["viewer.codo", "FORBIDDEN"],
      ["committee.thoilai", "NOT_FOUND"],
      ["committee.binhthuy", "NOT_FOUND"],
    ])("refuses %s with %s and changes nothing", async (user, code) => {
      const member = districtMembers[0];
      const evaluation = await evaluationOf(member, 2016);
      const events = await eventCount([]);
      const result = await setFinal(await server.as(user), member, Grade.EXCELLENT);
      expect(result.errors?.[0].extensions?.code).toBe(code);
      expect(await evaluationOf(member, 2016)).toEqual(evaluation);
      expect(await eventCount([])).toBe(events);
    });

    it("refuses member.codo grading themselves with FORBIDDEN and changes nothing", async () => {
      const self = await server.as("member.codo");
      const { viewer } = await self.data(`{ viewer { member { id } } }`);
      const memberId: string = viewer.member.id;
      const evaluation = await evaluationOf(memberId, 2016);
      const events = await eventCount([]);
      const result = await setFinal(self, memberId, Grade.EXCELLENT);
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(await evaluationOf(memberId, 2016)).toEqual(evaluation);
      expect(await eventCount([])).toBe(events);
    });

    it("refuses a year that has not begun with GRADE_NOT_ALLOWED", async () => {
      const result = await codo.gql(SET_FINAL, {
        input: { member: districtMembers[0], year: 2100, grade: "GOOD" },
      });
      expect(result.errors?.[0].extensions?.code).toBe("GRADE_NOT_ALLOWED");
    });
  });

  describe("the 2018 quota: EXCELLENT may not exceed 20% of GOOD in one organisation", () => {
    const QUOTA = `query($year: Int!) { gradeQuota(unit: { code: "925" }, year: $year) {
      unit { code } year excellent good maxExcellent } }`;

    it("warns at 5 GOOD and 2 EXCELLENT, and lists the organisation in gradeQuota", async () => {
      // districtMembers[0] is GOOD already; four more GOOD, then two EXCELLENT.
      for (const member of districtMembers.slice(1, 5)) {
        const result = await setFinal(codo, member, Grade.GOOD);
        expect(result.data?.setFinalGrade.quotaWarning).toBeNull();
      }
      const first = await setFinal(codo, districtMembers[5], Grade.EXCELLENT);
      expect(first.data?.setFinalGrade.quotaWarning).toBeNull(); // 1 of 5 is exactly 20%
      const second = await setFinal(codo, districtMembers[6], Grade.EXCELLENT);
      expect(second.errors).toBeUndefined();
      expect(second.data!.setFinalGrade.evaluation.finalGrade).toBe("EXCELLENT"); // saved all the same
      const warning = { unit: { code: "925" }, year: 2016, excellent: 2, good: 5, maxExcellent: 1 };
      expect(second.data!.setFinalGrade.quotaWarning).toEqual(warning);
      expect((await codo.data(QUOTA, { year: 2016 })).gradeQuota).toEqual([warning]);
    });

    it("does not warn at 10 GOOD and 2 EXCELLENT", async () => {
      let last;
      for (const member of districtMembers.slice(7, 12)) last = await setFinal(codo, member, Grade.GOOD);
      expect(last!.errors).toBeUndefined();
      expect(last!.data!.setFinalGrade.quotaWarning).toBeNull();
      expect((await codo.data(QUOTA, { year: 2016 })).gradeQuota).toEqual([]);
    });

    it("leaves the proposals of members with a final grade as they were decided on", async () => {
      const { proposeGrades } = await codo.data(PROPOSE, { input: { unit: { code: "925" }, year: 2016 } });
      expect(proposeGrades.decided).toBe(12);
      expect(proposeGrades.changed).toBe(0);
    });

    it("is for committees: a viewer is refused, another district's committee sees none of Cờ Đỏ", async () => {
      const viewer = await (await server.as("viewer.codo")).gql(QUOTA, { year: 2016 });
      expect(viewer.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const thoiLai = await (await server.as("committee.thoilai")).data(QUOTA, { year: 2016 });
      expect(thoiLai.gradeQuota).toEqual([]);
    });
  });

  describe("setUnitGrade", () => {
    const SET_UNIT = `mutation($input: SetUnitGradeInput!, $key: String) {
      setUnitGrade(input: $input, idempotencyKey: $key) { id year grade unit { code } } }`;
    let cell: string;
    const gradeOf = async (code: string) =>
      (
        await admin.data(
          `query($code: String) { unitEvaluations(filter: { under: { code: $code }, year: 2016 }) { nodes { grade unit { code } } } }`,
          { code },
        )
      ).unitEvaluations.nodes.find((n: { unit: { code: string } }) => n.unit.code === code)?.grade ?? null;

    beforeAll(async () => {
      const { orgUnit } = await admin.data(`{ orgUnit(code: "925.02") { children { code } } }`);
      cell = orgUnit.children[0].code;
    });

    it("lets committee.trungan grade a cell under Trung An, with a UNIT_GRADE_SET event", async () => {
      const before = await eventCount(["UNIT_GRADE_SET"]);
      const trungan = await server.as("committee.trungan");
      const { setUnitGrade } = await trungan.data(SET_UNIT, {
        input: { unit: { code: cell }, year: 2016, grade: "CLEAN_STRONG" },
        key: "unit-grade-0001",
      });
      expect(setUnitGrade).toMatchObject({ year: 2016, grade: "CLEAN_STRONG", unit: { code: cell } });
      expect(await gradeOf(cell)).toBe("CLEAN_STRONG");
      expect(await eventCount(["UNIT_GRADE_SET"])).toBe(before + 1);
      expect(await lastEvent("UNIT_GRADE_SET")).toMatchObject({
        entityType: "UnitEvaluation",
        entityId: setUnitGrade.id,
        actorLabel: "committee.trungan",
        unit: { code: cell },
        before: null,
        after: expect.objectContaining({ grade: "CLEAN_STRONG", year: 2016 }),
      });
    });

    it.each([
      ["committee.codo", "the cell's district, not its xã"],
      ["viewer.codo", "a viewer"],
      ["committee.thoilai", "another district"],
    ])("refuses %s (%s) with FORBIDDEN and changes nothing", async (user) => {
      const events = await eventCount([]);
      const result = await (
        await server.as(user)
      ).gql(SET_UNIT, {
        input: { unit: { code: cell }, year: 2016, grade: "WEAK" },
      });
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(await gradeOf(cell)).toBe("CLEAN_STRONG");
      expect(await eventCount([])).toBe(events);
    });

    it("refuses to grade the city, which has no unit above it here, with GRADE_NOT_ALLOWED", async () => {
      const result = await admin.gql(SET_UNIT, {
        input: { unit: { code: "92" }, year: 2016, grade: "CLEAN_STRONG" },
      });
      expect(result.errors?.[0].extensions?.code).toBe("GRADE_NOT_ALLOWED");
    });
  });
});

interface EvaluationPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { proposedGrade: string; member: MemberYear & { id: string } }[];
}

interface MemberYear {
  pledges: { status: string; rejectionReason: string | null }[];
  assignments: {
    startsOn: string;
    endsOn: string | null;
    directive: { minVisitsPerMonth: number | null };
    visits: { visitedOn: string }[];
  }[];
}

/**
 * The rule's inputs recomputed from what the API shows, for a past year (all 12 months): withdrawn pledges
 * left out; rejected = REJECTED now or with a reason on record (the demo data has no PLEDGE_REJECTED events);
 * each assignment under a visit minimum assessed in every month it ran at least one day.
 */
function inputsOf(member: MemberYear): GradeInputs {
  const pledges = member.pledges.filter((p) => p.status !== "WITHDRAWN");
  const inputs: GradeInputs = {
    pledges: pledges.length,
    confirmed: pledges.filter((p) => p.status === "CONFIRMED").length,
    rejected: pledges.filter((p) => p.status === "REJECTED" || p.rejectionReason != null).length,
    monthsAssessed: 0,
    monthsCompliant: 0,
  };
  for (const a of member.assignments) {
    const min = a.directive.minVisitsPerMonth;
    if (min == null) continue;
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, "0");
      const first = `2016-${mm}-01`;
      const last = `2016-${mm}-31`;
      if (a.startsOn > last || (a.endsOn != null && a.endsOn < first)) continue;
      inputs.monthsAssessed += 1;
      if (a.visits.filter((v) => v.visitedOn.startsWith(`2016-${mm}`)).length >= min)
        inputs.monthsCompliant += 1;
    }
  }
  return inputs;
}

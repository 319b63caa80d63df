import { fromGlobalId } from "../../core/global-id";
import { describeEachDatabase } from "../../test/databases";
import { startTestServer, type GraphQLResponse, type TestClient, type TestServer } from "../../test/harness";

/**
 * NTM through GraphQL (DESIGN.md §3): criterion assessments per commune and year, and recognition decisions
 * that are refused unless a xã meets all 19 criteria or a huyện has all its xã recognised. Units are public
 * reference data, so acting on a unit outside one's subtree is FORBIDDEN (not NOT_FOUND).
 */

const STATUS = "id year met metOn evidence unit { code } criterion { number }";
const RECOGNITION = "id decisionNumber decidedOn year unit { code }";
const SET = `mutation($input: SetNtmCriterionStatusInput!, $key: String) {
  setNtmCriterionStatus(input: $input, idempotencyKey: $key) { ${STATUS} } }`;
const RECOGNIZE = `mutation($input: RecognizeNtmInput!) { recognizeNtm(input: $input) { ${RECOGNITION} } }`;

interface Commune {
  id: string;
  code: string;
  name: string;
  ntmCriteriaMet: number;
  ntmRecognition: { id: string } | null;
  ntmStatuses: { met: boolean; criterion: { number: number } }[];
}

const codeOf = (result: GraphQLResponse) => (result.errors?.[0]?.extensions?.code as string) ?? null;

describeEachDatabase("NTM criteria and recognition through GraphQL", (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let thoiLai: TestClient; // committee.thoilai: Huyện ủy Thới Lai (927)
  let coDo: TestClient; // committee.codo: Huyện ủy Cờ Đỏ (925)

  beforeAll(async () => {
    server = await startTestServer(dialect);
    [admin, thoiLai, coDo] = await Promise.all([
      server.as("admin"),
      server.as("committee.thoilai"),
      server.as("committee.codo"),
    ]);
  });
  afterAll(() => server?.stop());

  /** The xã (kind COMMUNE) of a district with their 2016 NTM standing. */
  async function communesOf(districtCode: string): Promise<Commune[]> {
    const data = await admin.data(
      `query($code: String!) { orgUnit(code: $code) { descendants(kinds: [COMMUNE], first: 100) { nodes {
        id code name ntmCriteriaMet(year: 2016) ntmRecognition { id } ntmStatuses(year: 2016) { met criterion { number } } } } } }`,
      { code: districtCode },
    );
    return data.orgUnit.descendants.nodes;
  }
  const unmet = (c: Commune) =>
    Array.from({ length: 19 }, (_, i) => i + 1).filter(
      (n) => !c.ntmStatuses.some((s) => s.met && s.criterion.number === n),
    );

  /** The recognition rows and the event count, read from the database: "changes nothing" keeps them equal. */
  async function state(): Promise<{ recognitions: unknown[]; statuses: number; events: number }> {
    const recognitions = await server.db.query("SELECT * FROM ntm_recognition ORDER BY id");
    const statuses = await server.db.query("SELECT COUNT(*) AS n FROM ntm_criterion_status");
    const events = await server.db.query("SELECT COUNT(*) AS n FROM event");
    return {
      recognitions: JSON.parse(JSON.stringify(recognitions)),
      statuses: Number(statuses[0].n),
      events: Number(events[0].n),
    };
  }

  async function cityNtm(): Promise<{ communesRecognised: number; districtsRecognised: number }> {
    const data = await admin.data(
      `{ orgUnit(code: "92") { summary(year: 2016) { ntm { communesRecognised districtsRecognised } } } }`,
    );
    return data.orgUnit.summary.ntm;
  }

  async function eventsFor(action: string, entityId: string) {
    const data = await admin.data(
      `query($actions: [String!]) { events(filter: { actions: $actions }, first: 100) {
        nodes { action actorLabel entityType entityId unit { code } before after } } }`,
      { actions: [action] },
    );
    return (data.events.nodes as { entityId: string }[]).filter((e) => e.entityId === entityId) as any[];
  }

  const set = (client: TestClient, code: string, criterionNumber: number, met: boolean, extra = {}) =>
    client.gql(SET, {
      input: {
        unit: { code },
        year: 2016,
        criterionNumber,
        met,
        ...(met ? { metOn: "2016-10-30", evidence: "Biên bản thẩm định tiêu chí năm 2016" } : {}),
        ...extra,
      },
    });
  const recognize = (
    client: TestClient,
    code: string,
    decidedOn = "2016-11-20",
    decisionNumber = "2016/QĐ-UBND",
  ) => client.gql(RECOGNIZE, { input: { unit: { code }, decisionNumber, decidedOn } });

  it("refuses to recognise a xã that meets 18 criteria with NTM_CRITERIA_NOT_MET, and changes nothing; after the 19th is set met, it is recognised and the city's count goes up by one", async () => {
    const xa = (await communesOf("927")).find((c) => !c.ntmRecognition && c.ntmCriteriaMet === 18)!;
    expect(xa).toBeDefined();
    const [missing] = unmet(xa);
    expect(unmet(xa)).toEqual([missing]);

    const before = await state();
    const refused = await recognize(thoiLai, xa.code);
    expect(codeOf(refused)).toBe("NTM_CRITERIA_NOT_MET");
    expect(refused.errors![0].extensions).toMatchObject({ year: 2016, missingCriteria: [missing] });
    expect(await state()).toEqual(before);

    const status = (await set(thoiLai, xa.code, missing, true)).data!.setNtmCriterionStatus;
    expect(status).toMatchObject({
      year: 2016,
      met: true,
      metOn: "2016-10-30",
      unit: { code: xa.code },
      criterion: { number: missing },
    });
    const counted = (await communesOf("927")).find((c) => c.code === xa.code)!;
    expect(counted.ntmCriteriaMet).toBe(19);

    const city = await cityNtm();
    const recognised = await recognize(thoiLai, xa.code);
    expect(codeOf(recognised)).toBeNull();
    const recognition = recognised.data!.recognizeNtm;
    expect(recognition).toMatchObject({
      decisionNumber: "2016/QĐ-UBND",
      decidedOn: "2016-11-20",
      year: 2016,
      unit: { code: xa.code },
    });
    expect(await cityNtm()).toEqual({ ...city, communesRecognised: city.communesRecognised + 1 });

    const [setEvent] = await eventsFor("NTM_CRITERION_SET", status.id);
    expect(setEvent).toMatchObject({
      actorLabel: "committee.thoilai",
      entityType: "NtmCriterionStatus",
      unit: { code: xa.code },
      before: { met: false, criterionNumber: missing },
      after: { met: true, metOn: "2016-10-30", year: 2016, criterionNumber: missing },
    });
    const [recognisedEvent] = await eventsFor("NTM_RECOGNISED", recognition.id);
    expect(recognisedEvent).toMatchObject({
      entityType: "NtmRecognition",
      unit: { code: xa.code },
      before: null,
      after: { decisionNumber: "2016/QĐ-UBND", decidedOn: "2016-11-20", year: 2016 },
    });

    const again = await recognize(admin, xa.code, "2016-12-01", "9999/QĐ-UBND");
    expect(codeOf(again)).toBe("NTM_ALREADY_RECOGNISED");
    expect(again.errors![0].extensions).toMatchObject({ decisionNumber: "2016/QĐ-UBND" });
  });

  it("lets exactly one of concurrent recognitions of a xã win; the others get NTM_ALREADY_RECOGNISED", async () => {
    const xa = (await communesOf("927")).find((c) => !c.ntmRecognition && c.ntmCriteriaMet === 19)!;
    expect(xa).toBeDefined();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        recognize(i % 2 ? admin : thoiLai, xa.code, "2016-11-25", `${50 + i}/QĐ-UBND`),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === null)).toHaveLength(1);
    expect(codes.filter((c) => c === "NTM_ALREADY_RECOGNISED")).toHaveLength(5);
    const winner = results.find((r) => !r.errors)!.data!.recognizeNtm;
    expect(await eventsFor("NTM_RECOGNISED", winner.id)).toHaveLength(1);
    const rows = await server.db.query("SELECT COUNT(*) AS n FROM ntm_recognition WHERE unit_id = ?", [
      fromGlobalId(xa.id).id,
    ]);
    expect(Number(rows[0].n)).toBe(1);
  });

  it("refuses to recognise Cờ Đỏ while 7 of its 9 xã are not recognised (NTM_COMMUNES_NOT_RECOGNISED), and changes nothing", async () => {
    const communes = await communesOf("925");
    expect(communes).toHaveLength(9);
    const unrecognised = communes.filter((c) => !c.ntmRecognition).map((c) => c.code);
    expect(unrecognised).toHaveLength(7);
    const before = await state();
    const refused = await recognize(admin, "925");
    expect(codeOf(refused)).toBe("NTM_COMMUNES_NOT_RECOGNISED");
    const missing = refused.errors![0].extensions!.missingCommunes as { code: string }[];
    expect(missing.map((c) => c.code).sort()).toEqual(unrecognised.sort());
    expect(await state()).toEqual(before);
  });

  it("recognises a huyện once every xã in it is recognised, and counts it", async () => {
    const children = await admin.data(`{ orgUnit(code: "92") { children { code name kind } } }`);
    const vinhThanh = children.orgUnit.children.find((u: { name: string }) => u.name === "Vĩnh Thạnh");
    expect(vinhThanh.kind).toBe("RURAL_DISTRICT");
    const pending = (await communesOf(vinhThanh.code)).filter((c) => !c.ntmRecognition);
    expect(pending.length).toBeGreaterThan(1);
    for (const [i, xa] of pending.entries()) {
      for (const n of unmet(xa)) expect(codeOf(await set(admin, xa.code, n, true))).toBeNull();
      if (i === pending.length - 1) {
        const refused = await recognize(admin, vinhThanh.code, "2016-12-15");
        expect(codeOf(refused)).toBe("NTM_COMMUNES_NOT_RECOGNISED");
        expect(refused.errors![0].extensions!.missingCommunes).toEqual([{ code: xa.code, name: xa.name }]);
      }
      expect(codeOf(await recognize(admin, xa.code, "2016-12-01", `${300 + i}/QĐ-UBND`))).toBeNull();
    }
    const city = await cityNtm();
    const recognised = await recognize(admin, vinhThanh.code, "2016-12-15", "77/QĐ-TTg");
    expect(codeOf(recognised)).toBeNull();
    expect(recognised.data!.recognizeNtm).toMatchObject({ year: 2016, unit: { code: vinhThanh.code } });
    expect(await cityNtm()).toEqual({ ...city, districtsRecognised: city.districtsRecognised + 1 });
    const [event] = await eventsFor("NTM_RECOGNISED", recognised.data!.recognizeNtm.id);
    expect(event).toMatchObject({ unit: { code: vinhThanh.code }, after: { decisionNumber: "77/QĐ-TTg" } });
  });

  it("keeps one assessment per commune, year and criterion: setting it again updates the row and logs before and after", async () => {
    const xa = (await communesOf("925")).find((c) => !c.ntmRecognition)!;
    const [criterion] = unmet(xa);
    const before = await state();
    const first = (await set(coDo, xa.code, criterion, true)).data!.setNtmCriterionStatus;
    const second = (await set(coDo, xa.code, criterion, false, { evidence: "Chưa đạt khi phúc tra" })).data!
      .setNtmCriterionStatus;
    expect(second).toMatchObject({
      id: first.id,
      met: false,
      metOn: null,
      evidence: "Chưa đạt khi phúc tra",
    });
    const after = await state();
    expect(after.statuses).toBe(before.statuses);
    expect(after.events).toBe(before.events + 2);
    const events = await eventsFor("NTM_CRITERION_SET", first.id);
    expect(events.map((e) => [e.before.met, e.after.met])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("creates an assessment for a year that had none, and answers a retry with the same key once", async () => {
    const xa = (await communesOf("925")).find((c) => !c.ntmRecognition)!;
    const before = await state();
    const input = { unit: { code: xa.code }, year: 2017, criterionNumber: 1, met: true, metOn: "2017-03-01" };
    const key = `ntm-2017-${dialect}-${xa.code}`;
    const first = await coDo.gql(SET, { input, key });
    const retry = await coDo.gql(SET, { input, key });
    expect(codeOf(first)).toBeNull();
    expect(retry.data).toEqual(first.data);
    const after = await state();
    expect(after.statuses).toBe(before.statuses + 1);
    expect(after.events).toBe(before.events + 1);
    const [event] = await eventsFor("NTM_CRITERION_SET", first.data!.setNtmCriterionStatus.id);
    expect(event).toMatchObject({ before: null, after: { year: 2017, met: true, criterionNumber: 1 } });
  });

  it.each([
    ["a read-only viewer (viewer.codo)", "viewer.codo", "set", "925.03", "FORBIDDEN"],
    ["a member (member.codo)", "member.codo", "set", "925.03", "FORBIDDEN"],
    [
      "another district's committee (committee.thoilai on a Cờ Đỏ xã)",
      "committee.thoilai",
      "set",
      "925.03",
      "FORBIDDEN",
    ],
    [
      "another district's committee recognising (committee.thoilai)",
      "committee.thoilai",
      "recognize",
      "925.03",
      "FORBIDDEN",
    ],
    [
      "a xã committee recognising its own xã (committee.trungan)",
      "committee.trungan",
      "recognize",
      "925.02",
      "FORBIDDEN",
    ],
    [
      "a district's committee recognising its own district (committee.codo)",
      "committee.codo",
      "recognize",
      "925",
      "FORBIDDEN",
    ],
  ])("refuses %s, changing nothing", async (_label, username, operation, code, expected) => {
    const client = await server.as(username);
    const before = await state();
    const result = operation === "set" ? await set(client, code, 5, true) : await recognize(client, code);
    expect(codeOf(result)).toBe(expected);
    expect(await state()).toEqual(before);
  });

  it("lets a xã committee assess its own xã's criteria", async () => {
    const trungAn = await server.as("committee.trungan");
    const result = await set(trungAn, "925.02", 7, true);
    expect(codeOf(result)).toBeNull();
    expect(result.data!.setNtmCriterionStatus).toMatchObject({ unit: { code: "925.02" }, met: true });
  });

  it("asks anonymous callers to sign in", async () => {
    expect(
      codeOf(
        await server.gql(SET, {
          input: { unit: { code: "925.03" }, year: 2016, criterionNumber: 1, met: true },
        }),
      ),
    ).toBe("UNAUTHENTICATED");
  });

  it("refuses units of the wrong kind with NOT_A_COMMUNE", async () => {
    const ward = await admin.data(
      `{ orgUnit(code: "92") { descendants(kinds: [WARD], first: 1) { nodes { code } } } }`,
    );
    const wardCode = ward.orgUnit.descendants.nodes[0].code;
    const before = await state();
    expect(codeOf(await set(admin, "925", 1, true))).toBe("NOT_A_COMMUNE");
    expect(codeOf(await set(admin, wardCode, 1, true))).toBe("NOT_A_COMMUNE");
    expect(codeOf(await recognize(admin, wardCode))).toBe("NOT_A_COMMUNE");
    expect(codeOf(await recognize(admin, "918"))).toBe("NOT_A_COMMUNE"); // Bình Thủy is a quận
    expect(await state()).toEqual(before);
  });

  it.each([
    ["a criterion number that does not exist", { criterionNumber: 20 }, "BAD_USER_INPUT"],
    ["metOn for a criterion not met", { met: false, metOn: "2016-05-01" }, "BAD_USER_INPUT"],
    ["metOn outside the year", { metOn: "2015-12-31" }, "BAD_USER_INPUT"],
    ["a year out of range", { year: 1800, metOn: undefined }, "BAD_USER_INPUT"],
    ["an unknown unit", { unit: { code: "999.99" } }, "UNIT_NOT_FOUND"],
  ])("refuses %s", async (_label, change, expected) => {
    const before = await state();
    const input = {
      unit: { code: "925.03" },
      year: 2016,
      criterionNumber: 3,
      met: true,
      metOn: "2016-04-01",
      ...change,
    };
    expect(codeOf(await admin.gql(SET, { input }))).toBe(expected);
    expect(await state()).toEqual(before);
  });

  it("refuses a recognition without a decision number", async () => {
    expect(codeOf(await recognize(admin, "925.03", "2016-11-20", "  "))).toBe("BAD_USER_INPUT");
  });
});

import { describeEachDatabase } from "../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../test/harness";

/**
 * The source article's figures, asked for the way a third party would ask: through GraphQL, by unit codes
 * and document numbers, against a freshly migrated and seeded database.
 */
describeEachDatabase("the Cần Thơ 2016 article's figures through the API", (dialect) => {
  let server: TestServer;
  /** A department's read-only view of the whole city: what a third party with a city-wide key would see. */
  let api: TestClient;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    api = await server.as("viewer.city");
  });
  afterAll(() => server?.stop());

  it("has 9 districts: 5 quận and 4 huyện", async () => {
    const data = await api.data(`{
      districts: orgUnits(filter: { under: { code: "92" }, levels: [DISTRICT] }) { totalCount }
      city: orgUnit(code: "92") { name summary(year: 2016) { unitsByKind { kind count } } }
    }`);
    expect(data.districts.totalCount).toBe(9);
    const kinds = Object.fromEntries(
      data.city.summary.unitsByKind.map((k: { kind: string; count: number }) => [k.kind, k.count]),
    );
    expect(kinds.URBAN_DISTRICT).toBe(5);
    expect(kinds.RURAL_DISTRICT).toBe(4);
    expect(data.city.name).toBe("Cần Thơ");
  });

  it("has 85 commune-level units: 44 phường, 36 xã, 5 thị trấn", async () => {
    const data = await api.data(`{
      all: orgUnits(filter: { levels: [COMMUNE] }) { totalCount }
      wards: orgUnits(filter: { kinds: [WARD] }) { totalCount }
      communes: orgUnits(filter: { kinds: [COMMUNE] }) { totalCount }
      townships: orgUnits(filter: { kinds: [TOWNSHIP] }) { totalCount }
    }`);
    expect([
      data.all.totalCount,
      data.wards.totalCount,
      data.communes.totalCount,
      data.townships.totalCount,
    ]).toEqual([85, 44, 36, 5]);
  });

  it.each([
    ["925", "Cờ Đỏ", "HAMLET_CELL", 79],
    ["927", "Thới Lai", "HAMLET_CELL", 108],
    ["916", "Ninh Kiều", "AREA_CELL", 71],
  ])("district %s (%s) has %s cells: %i", async (code, name, kind, count) => {
    const data = await api.data(
      `query($code: String!) { orgUnit(code: $code) { name descendants(levels: [CELL]) { totalCount } cells: descendants(kinds: [${kind}]) { totalCount } } }`,
      { code },
    );
    expect(data.orgUnit.name).toBe(name);
    expect(data.orgUnit.descendants.totalCount).toBe(count);
    expect(data.orgUnit.cells.totalCount).toBe(count);
  });

  it("has 36 city assignments in 2016, one Thành ủy member to each of the 36 xã", async () => {
    const data = await api.data(`{
      assignments(filter: { under: { code: "92" }, scopes: [NTM_SUPPORT], year: 2016 }, first: 100) {
        totalCount
        nodes { unit { kind code } directive { issuerUnit { code } } member { positions { role unit { code } } } }
      }
    }`);
    const nodes = data.assignments.nodes as {
      unit: { kind: string; code: string };
      directive: { issuerUnit: { code: string } };
      member: { positions: { role: string; unit: { code: string } }[] };
    }[];
    expect(data.assignments.totalCount).toBe(36);
    expect(new Set(nodes.map((n) => n.unit.code)).size).toBe(36);
    expect(nodes.every((n) => n.unit.kind === "COMMUNE" && n.directive.issuerUnit.code === "92")).toBe(true);
    expect(nodes.every((n) => n.member.positions.some((p) => p.unit.code === "92"))).toBe(true);
  });

  it.each([
    ["03-NQ/HU", 79, 79],
    ["05-NQ/HU", 77, 108],
  ])("directive %s assigns %i people to %i cells", async (number, people, cells) => {
    const data = await api.data(
      `query($number: String!) { directives(filter: { number: $number }) { nodes { number assignmentTotals(year: 2016) { assignments directingMembers directedUnits } } } }`,
      { number },
    );
    expect(data.directives.nodes).toHaveLength(1);
    expect(data.directives.nodes[0].assignmentTotals).toEqual({
      assignments: cells,
      directingMembers: people,
      directedUnits: cells,
    });
  });

  it("Ninh Kiều's Kế hoạch assigns 71 people to 71 chi bộ khu vực; Bình Thủy's 02-NQ/QU asks two visits a month", async () => {
    const data = await api.data(`{
      nk: directives(filter: { issuedUnder: { code: "916" }, types: [KE_HOACH] }) { nodes { assignmentTotals(year: 2016) { directingMembers directedUnits } } }
      bt: directives(filter: { number: "02-NQ/QU" }) { nodes { issuedYear minVisitsPerMonth issuerUnit { name } } }
    }`);
    expect(data.nk.nodes).toEqual([{ assignmentTotals: { directingMembers: 71, directedUnits: 71 } }]);
    expect(data.bt.nodes).toEqual([
      { issuedYear: 2004, minVisitsPerMonth: 2, issuerUnit: { name: "Bình Thủy" } },
    ]);
  });

  it("in 2016 has 1 huyện and 16 xã recognised for NTM, the other 20 xã at 13 to 19 criteria", async () => {
    const data = await api.data(`{
      orgUnit(code: "92") { summary(year: 2016) { ntm {
        communeCount communesRecognised districtsRecognised ruralDistrictCount
        pending: communesByCriteriaMet(recognised: false) { criteriaMet communes }
      } } }
      recognisedDistricts: ntmRecognitions(filter: { levels: [DISTRICT], byYear: 2016 }) { totalCount }
    }`);
    const ntm = data.orgUnit.summary.ntm;
    expect(ntm).toMatchObject({
      communeCount: 36,
      communesRecognised: 16,
      districtsRecognised: 1,
      ruralDistrictCount: 4,
    });
    const pending = ntm.pending as { criteriaMet: number; communes: number }[];
    expect(pending.reduce((sum, p) => sum + p.communes, 0)).toBe(20);
    expect(pending.every((p) => p.criteriaMet >= 13 && p.criteriaMet <= 19)).toBe(true);
    expect(data.recognisedDistricts.totalCount).toBe(1);
  });

  it("in Cờ Đỏ, 2 of 9 xã are recognised and the other 7 meet 13 to 17 criteria", async () => {
    const data = await api.data(`{
      orgUnit(code: "925") {
        summary(year: 2016) { ntm { communeCount communesRecognised pending: communesByCriteriaMet(recognised: false) { criteriaMet communes } } }
        xa: descendants(kinds: [COMMUNE]) { nodes { name ntmCriteriaMet(year: 2016) ntmRecognition { year } } }
      }
    }`);
    const { ntm } = data.orgUnit.summary;
    expect(ntm.communeCount).toBe(9);
    expect(ntm.communesRecognised).toBe(2);
    const pending = ntm.pending as { criteriaMet: number; communes: number }[];
    expect(pending.reduce((sum, p) => sum + p.communes, 0)).toBe(7);
    expect(pending.every((p) => p.criteriaMet >= 13 && p.criteriaMet <= 17)).toBe(true);
    const xa = data.orgUnit.xa.nodes as { ntmCriteriaMet: number; ntmRecognition: { year: number } | null }[];
    expect(xa.filter((x) => x.ntmRecognition).every((x) => x.ntmCriteriaMet === 19)).toBe(true);
  });

  it("Mỹ Khánh (Phong Điền) was recognised in 2014 with its five years of work confirmed", async () => {
    const data = await api.data(`{
      orgUnits(filter: { search: "my khanh", kinds: [COMMUNE] }) {
        nodes { name parent { name } ntmRecognition { year }
          pledges(statuses: [CONFIRMED]) { year title targetQuantity targetUnit decidedBy { name } } }
      }
    }`);
    expect(data.orgUnits.nodes).toHaveLength(1);
    const mk = data.orgUnits.nodes[0];
    expect(mk).toMatchObject({
      name: "Mỹ Khánh",
      parent: { name: "Phong Điền" },
      ntmRecognition: { year: 2014 },
    });
    const works = (
      mk.pledges as {
        year: number;
        title: string;
        targetQuantity: number;
        targetUnit: string;
        decidedBy: { name: string };
      }[]
    ).filter((p) => p.year <= 2014);
    const quantity = (unit: string) =>
      works.filter((w) => w.targetUnit === unit).map((w) => w.targetQuantity);
    expect(quantity("km")).toContain(13);
    expect(quantity("trường")).toContain(4);
    expect(quantity("nhà thông tin")).toContain(7);
    expect(quantity("hợp tác xã")).toContain(1);
    expect(quantity("tổ hợp tác")).toContain(11);
    expect(works.some((w) => w.title.includes("chợ Mỹ Khánh"))).toBe(true);
    expect(works.some((w) => w.title.includes("Nhà văn hóa xã"))).toBe(true);
    expect(works.every((w) => w.decidedBy.name === "Phong Điền")).toBe(true);
  });
});

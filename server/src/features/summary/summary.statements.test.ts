import { describeEachDatabase } from "../../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";

const SUMMARY_FIELDS = `pledgesByStatus { status count } pledgeCount confirmationRate
  ntm { communeCount communesRecognised ruralDistrictCount districtsRecognised averageCriteriaMet
        communesByCriteriaMet { criteriaMet communes } }`;

/** The benchmark's scenario (c): bench/src/queries.ts, SUMMARY_QUERY. */
const DASHBOARD = `query ($root: String!, $year: Int!, $month: Int!) {
  unitSummary(unit: { code: $root }, year: $year) { ${SUMMARY_FIELDS} }
  visitComplianceTotals(under: { code: $root }, year: $year, month: $month) { assessed compliant belowMinimum }
}`;

/**
 * A dashboard's aggregates read the subtree counters in one statement for all its fields, whatever their
 * number, and the root unit once; the figures are those each field gives when asked alone.
 */
describeEachDatabase("dashboard aggregates: statements per request", (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  const responseCache = process.env.RESPONSE_CACHE;
  beforeAll(async () => {
    process.env.RESPONSE_CACHE = "off"; // count execution's statements, not a cached response's
    server = await startTestServer(dialect);
    admin = await server.as("admin");
    await admin.data(`{ __typename }`); // the viewer is now cached
  });
  afterAll(async () => {
    if (responseCache === undefined) delete process.env.RESPONSE_CACHE;
    else process.env.RESPONSE_CACHE = responseCache;
    await server?.stop();
  });

  const statementsOf = async (query: string, variables: Record<string, unknown>) => {
    const result = await admin.gql(query, variables);
    expect(result.errors).toBeUndefined();
    return { data: result.data!, statements: Number(result.headers.get("x-sql-statements")) };
  };

  it("(c): the unit by code, then one counters statement; the same figures as each field alone", async () => {
    const variables = { root: "92", year: 2016, month: 9 };
    const together = await statementsOf(DASHBOARD, variables);
    expect(together.statements).toBe(2);
    const summary = await statementsOf(
      `query ($root: String!, $year: Int!) { unitSummary(unit: { code: $root }, year: $year) { ${SUMMARY_FIELDS} } }`,
      variables,
    );
    const compliance = await statementsOf(
      `query ($root: String!, $year: Int!, $month: Int!) {
        visitComplianceTotals(under: { code: $root }, year: $year, month: $month) { assessed compliant belowMinimum } }`,
      variables,
    );
    expect(together.data).toEqual({ ...summary.data, ...compliance.data });
    expect(together.data.unitSummary.pledgeCount).toBeGreaterThan(0);
    expect(together.data.visitComplianceTotals.assessed).toBeGreaterThan(0);
  });

  it("reads the same metrics at two periods correctly (two statements, not one mixing them)", async () => {
    const query = `query ($root: String!) {
      a: unitSummary(unit: { code: $root }, year: 2015) { ${SUMMARY_FIELDS} }
      b: unitSummary(unit: { code: $root }, year: 2016) { ${SUMMARY_FIELDS} }
      c: visitComplianceTotals(under: { code: $root }, year: 2016, month: 9) { assessed compliant }
      d: visitComplianceTotals(under: { code: $root }, year: 2016, month: 10) { assessed compliant }
    }`;
    const both = await statementsOf(query, { root: "92" });
    const alone = async (alias: string, field: string) =>
      (await statementsOf(`query ($root: String!) { ${field} }`, { root: "92" })).data[alias];
    expect(both.data.a).toEqual(
      await alone("a", `a: unitSummary(unit: { code: $root }, year: 2015) { ${SUMMARY_FIELDS} }`),
    );
    expect(both.data.b).toEqual(
      await alone("b", `b: unitSummary(unit: { code: $root }, year: 2016) { ${SUMMARY_FIELDS} }`),
    );
    expect(both.data.c).toEqual(
      await alone(
        "c",
        `c: visitComplianceTotals(under: { code: $root }, year: 2016, month: 9) { assessed compliant }`,
      ),
    );
    expect(both.data.d).toEqual(
      await alone(
        "d",
        `d: visitComplianceTotals(under: { code: $root }, year: 2016, month: 10) { assessed compliant }`,
      ),
    );
    expect(both.data.a).not.toEqual(both.data.b);
    // The unit by code, then one statement per year (pledges and NTM of 2015; of 2016 with both months).
    expect(both.statements).toBe(3);
  });

  it("answers a unit the caller sees only part of from its own unit's counters", async () => {
    const committee = await server.as("committee.trungan");
    await committee.data(`{ __typename }`);
    const result = await committee.gql(
      `{ unitSummary(unit: { code: "925" }, year: 2016) { coveredUnit { code } pledgeCount ntm { communeCount } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.unitSummary.coveredUnit.code).toBe("925.02");
    expect(result.data!.unitSummary.pledgeCount).toBeGreaterThan(0);
  });
});

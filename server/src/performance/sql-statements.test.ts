import { describeEachDatabase } from "../test/databases";
import { startTestServer, type TestClient, type TestServer } from "../test/harness";

/**
 * No N+1: a page of cells with their directing members, each member's positions (and their units) and each
 * cell's pledges costs the same number of SQL statements whatever the page size, because every nested field
 * goes through a per-request DataLoader.
 */
const PAGE_OF_CELLS = `
  query ($first: Int!) {
    orgUnit(code: "92") {
      descendants(levels: [CELL], first: $first) {
        edges { cursor node {
          id code name
          assignments(year: 2016) {
            scope
            member { fullName positions { role title unit { name } term { code } } }
            directive { number }
          }
          pledges(year: 2016) { title status targetQuantity }
        } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

describeEachDatabase("SQL statements per request", (dialect) => {
  let server: TestServer;
  /** A department's read-only view of the whole city: what a third party with a city-wide key would see. */
  let api: TestClient;
  beforeAll(async () => {
    // Statements of execution are counted here: without the response cache, whose one version read per request
    // (and hits) server/src/core/response-cache/response-cache.test.ts counts. Jest gives each file its own env.
    process.env.RESPONSE_CACHE = "off";
    server = await startTestServer(dialect);
    api = await server.as("viewer.city");
  });
  afterAll(() => server?.stop());

  async function statementsFor(
    first: number,
  ): Promise<{ statements: number; cells: number; members: number }> {
    const result = await api.gql(PAGE_OF_CELLS, { first });
    expect(result.errors).toBeUndefined();
    const edges = result.data!.orgUnit.descendants.edges as { node: { assignments: unknown[] } }[];
    return {
      statements: Number(result.headers.get("x-sql-statements")),
      cells: edges.length,
      members: edges.reduce((n, e) => n + e.node.assignments.length, 0),
    };
  }

  it("is the same for a page of 10 cells and a page of 100", async () => {
    const small = await statementsFor(10);
    const large = await statementsFor(100);
    expect(small.cells).toBe(10);
    expect(large.cells).toBe(100);
    expect(large.members).toBeGreaterThan(small.members);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    console.log(
      `[${dialect}] page of cells: ${small.statements} SQL statements for 10 cells, ${large.statements} for 100`,
    );
  });

  /**
   * Statements a request costs beyond those of a request that reads nothing (the caller's own, if any): the idle
   * request runs before and after, and the smaller count counts, in case the caller is remembered between requests.
   */
  async function statementsBeyondViewer(query: string, variables: Record<string, unknown>) {
    const idle = async () => Number((await api.gql(`{ __typename }`)).headers.get("x-sql-statements"));
    const before = await idle();
    const result = await api.gql(query, variables);
    const after = await idle();
    expect(result.errors).toBeUndefined();
    return {
      data: result.data!,
      statements: Number(result.headers.get("x-sql-statements")) - Math.min(before, after),
    };
  }

  it("reads the page of cells in five statements: root, page, assignments with members and directives, pledges, positions with units and terms", async () => {
    const { statements } = await statementsBeyondViewer(PAGE_OF_CELLS, { first: 50 });
    expect(statements).toBeLessThanOrEqual(5);
  });

  it("reads node(id) of a pledge, with the scope check of its unit, in one statement", async () => {
    const listed = await api.data(`{ pledges(first: 1) { nodes { id } } }`);
    const id = listed.pledges.nodes[0].id as string;
    const { data, statements } = await statementsBeyondViewer(
      `query ($id: ID!) { node(id: $id) { id ... on Pledge { title status year targetQuantity dueOn } } }`,
      { id },
    );
    expect(data.node).toEqual(expect.objectContaining({ id, status: expect.any(String) }));
    expect(statements).toBe(1);
  });

  it("stays flat for the city's districts each with their summary", async () => {
    const query = `query ($first: Int!) { orgUnits(filter: { levels: [COMMUNE] }, first: $first) { nodes { name
      summary(year: 2016) { cells { total withDirector } pledgesByStatus { status count } ntm { communesRecognised } visits { visits } }
      ntmCriteriaMet(year: 2016) ntmRecognition { year } concerns { title } grades(year: 2015) { grade } } } }`;
    const counts: number[] = [];
    for (const first of [5, 50]) {
      const result = await api.gql(query, { first });
      expect(result.errors).toBeUndefined();
      counts.push(Number(result.headers.get("x-sql-statements")));
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

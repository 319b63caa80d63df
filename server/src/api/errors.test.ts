import { GraphQLError } from "graphql";
import { formatError } from "../core/format-error";
import { toGlobalId } from "../core/global-id";
import { startTestServer, type TestClient, type TestServer } from "../test/harness";
import { logger } from "../core/observability/logger";

/** Bad input gets a stable `extensions.code`, a sentence, no stack trace and no SQL. */
describe("bad input to the read API", () => {
  let server: TestServer;
  let api: TestClient;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    api = await server.as("viewer.city");
  });
  afterAll(() => server?.stop());

  it.each([
    ["a malformed global ID", `{ node(id: "not an id!") { id } }`, "INVALID_ID"],
    ["a global ID of an unknown type", `{ node(id: "${toGlobalId("Bogus", 1)}") { id } }`, "INVALID_ID"],
    [
      "a global ID of the wrong type in a filter",
      `{ pledges(filter: { member: "${toGlobalId("OrgUnit", 1)}" }) { totalCount } }`,
      "INVALID_ID",
    ],
    ["first: 1000", `{ orgUnits(first: 1000) { totalCount } }`, "PAGE_SIZE_EXCEEDED"],
    ["first: -1", `{ pledges(first: -1) { totalCount } }`, "PAGE_SIZE_EXCEEDED"],
    ["an unknown unit code", `{ orgUnit(code: "999") { name } }`, "UNIT_NOT_FOUND"],
    [
      "an unknown unit code in a filter",
      `{ pledges(filter: { under: { code: "nowhere" } }) { totalCount } }`,
      "UNIT_NOT_FOUND",
    ],
    [
      "a unit named twice",
      `{ unitSummary(unit: { code: "92", id: "${toGlobalId("OrgUnit", 1)}" }, year: 2016) { year } }`,
      "BAD_USER_INPUT",
    ],
    ["a cursor that is not one", `{ orgUnits(after: "garbage") { totalCount } }`, "INVALID_CURSOR"],
    [
      "a year out of range",
      `{ orgUnit(code: "92") { summary(year: 99999) { cells { total } } } }`,
      "BAD_USER_INPUT",
    ],
    [
      "a search with no letters",
      `{ orgUnits(filter: { search: "  %% " }) { totalCount } }`,
      "BAD_USER_INPUT",
    ],
    ["a syntax error", `{ orgUnits(first: ) }`, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", `{ orgUnits { nodes { nmae } } }`, "GRAPHQL_VALIDATION_FAILED"],
  ])("%s → %s", async (_label, query, code) => {
    const result = await api.gql(query);
    expect(result.errors?.length).toBeGreaterThan(0);
    const error = result.errors![0];
    expect(error.extensions?.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(5);
    expect(error.extensions).not.toHaveProperty("stacktrace");
    expect(JSON.stringify(result.errors)).not.toMatch(/SELECT|INSERT|\.ts:\d+|at [A-Za-z]+ \(/);
  });

  it("returns the object of every node type through node(id)", async () => {
    const admin = await server.as("admin");
    const data = await admin.data(`{
      orgUnit(code: "925") { id children { id } assignments(year: 2016) { id } }
      pledges(first: 1) { nodes { id assignment { id directive { id } term { id } member { id positions { id } } } } }
      visits(first: 1) { nodes { id } }
      evaluations(first: 1) { nodes { id } }
      unitEvaluations(first: 1) { nodes { id } }
      ntmCriteria { id }
      ntmStatuses(first: 1) { nodes { id } }
      ntmRecognitions(first: 1) { nodes { id } }
      delegations(first: 1) { nodes { id members { id } } }
      concerns(first: 1) { nodes { id } }
      events(first: 1) { nodes { id } }
    }`);
    const p = data.pledges.nodes[0];
    const ids: string[] = [
      data.orgUnit.id,
      p.id,
      p.assignment.id,
      p.assignment.directive.id,
      p.assignment.term.id,
      p.assignment.member.id,
      p.assignment.member.positions[0].id,
      data.visits.nodes[0].id,
      data.evaluations.nodes[0].id,
      data.unitEvaluations.nodes[0].id,
      data.ntmCriteria[0].id,
      data.ntmStatuses.nodes[0].id,
      data.ntmRecognitions.nodes[0].id,
      data.delegations.nodes[0].id,
      data.concerns.nodes[0].id,
      data.events.nodes[0].id,
    ];
    const result = await admin.data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(result.nodes.map((n: { id: string }) => n.id)).toEqual(ids);
    expect(new Set(result.nodes.map((n: { __typename: string }) => n.__typename)).size).toBe(16);
  });

  it("answers null for the ID of an object that does not exist", async () => {
    expect((await api.data(`{ node(id: "${toGlobalId("Pledge", 99999999)}") { id } }`)).node).toBeNull();
  });
});

describe("formatError", () => {
  it("hides an unexpected error behind INTERNAL_SERVER_ERROR with a correlation id", () => {
    const spy = jest.spyOn(logger, "error").mockImplementation(() => undefined);
    const original = new Error("ER_NO_SUCH_TABLE: SELECT * FROM secret");
    const formatted = formatError(
      { message: original.message, extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["x"] } },
      original,
    );
    expect(formatted.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(formatted.extensions?.correlationId).toEqual(expect.any(String));
    expect(formatted.message).not.toContain("SELECT");
    expect(formatted.extensions).not.toHaveProperty("stacktrace");
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("keeps the code and message of errors the client caused", () => {
    const formatted = formatError(
      { message: "No unit.", extensions: { code: "UNIT_NOT_FOUND" } },
      new GraphQLError("No unit."),
    );
    expect(formatted).toEqual({ message: "No unit.", extensions: { code: "UNIT_NOT_FOUND" } });
  });
});

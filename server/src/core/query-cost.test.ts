import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse } from "graphql";
import { estimateCost } from "./query-cost";

/**
 * The cost estimate against hand-computed values, on the committed schema (the public contract). Every field
 * costs 1; what lies inside a list costs once per item: a connection's `nodes` / `edges` as many times as its
 * `first` (20 when omitted), `pageInfo` and `totalCount` once, other lists 10 times, `nodes(ids:)` once per ID.
 */
const schema = buildSchema(fs.readFileSync(path.join(__dirname, "../../../schema/schema.graphql"), "utf8"));
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  estimateCost(schema, parse(query), variables);

describe("query cost", () => {
  it("counts a connection's items once per item of the page, not times a list size on top", () => {
    // orgUnits 1 + nodes 10 × (name 1 + 1) = 21
    expect(cost(`{ orgUnits(first: 10) { nodes { name } } }`)).toBe(21);
    // edges 10 × (cursor 1 + node (name 1 + 1) + 1) = 40, + 1
    expect(cost(`{ orgUnits(first: 10) { edges { cursor node { name } } } }`)).toBe(41);
  });

  it("uses the default page size (20) when first is absent, and first from variables", () => {
    expect(cost(`{ orgUnits { nodes { name } } }`)).toBe(1 + 20 * 2);
    expect(cost(`query($n: Int) { orgUnits(first: $n) { nodes { name } } }`, { n: 5 })).toBe(1 + 5 * 2);
    expect(cost(`query($n: Int) { orgUnits(first: $n) { nodes { name } } }`, {})).toBe(1 + 20 * 2);
  });

  it("pays pageInfo and totalCount once per page", () => {
    // orgUnits 1 + totalCount 1 + pageInfo (1 + 2) + nodes 10 × (name 1 + code 1 + 1)
    expect(
      cost(`{ orgUnits(first: 10) { totalCount pageInfo { hasNextPage endCursor } nodes { name code } } }`),
    ).toBe(1 + 1 + 3 + 10 * 3);
  });

  it("multiplies nested lists and connections by their own sizes (a hand-computed nested query)", () => {
    const query = `{
      orgUnit(code: "925") {
        name
        children { name }
        descendants(levels: [CELL], first: 10) {
          totalCount
          nodes {
            name
            assignments(year: 2016) { member { fullName positions { title } } }
            pledges(year: 2016) { title status }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }`;
    const children = 10 * (1 + 1); // 10 × (name + the child)
    const assignment = 1 + (1 + 1 + 10 * (1 + 1)); // the assignment + member (itself, fullName, 10 positions × (title + 1))
    const pledges = 10 * (1 + 2); // 10 × (the pledge + title + status)
    const cell = 1 + 1 + 10 * assignment + pledges; // the cell + name + 10 assignments + pledges
    const descendants = 1 + 1 + 10 * cell + 3; // the connection + totalCount + 10 cells + pageInfo
    const orgUnit = 1 + 1 + children + descendants; // orgUnit + name + children + descendants
    expect(orgUnit).toBe(2647);
    expect(cost(query)).toBe(orgUnit);
  });

  it("takes the largest page size for a fragment spread into connections of different sizes", () => {
    const query = `
      { a: orgUnits(first: 5) { ...Page } b: orgUnits(first: 50) { ...Page } }
      fragment Page on OrgUnitConnection { nodes { name } }`;
    expect(cost(query)).toBe(2 * (1 + 50 * 2));
  });

  it("counts items reached through inline fragments and fragments on the item type", () => {
    const query = `
      { orgUnits(first: 4) { ... on OrgUnitConnection { nodes { ...Unit } } } }
      fragment Unit on OrgUnit { name code }`;
    expect(cost(query)).toBe(1 + 4 * 3);
  });

  it("counts nodes(ids:) once per ID and first: 0 as nothing", () => {
    expect(cost(`{ nodes(ids: ["a", "b", "c"]) { id } }`)).toBe(3 * 2);
    expect(cost(`{ orgUnits(first: 0) { nodes { name } totalCount } }`)).toBe(1 + 0 + 1);
  });

  it("makes a huge first costly, so that it is refused before anything runs", () => {
    expect(cost(`{ orgUnits(first: 99999999) { nodes { name } } }`)).toBeGreaterThan(5_000_000);
  });

  it("leaves introspection free (bounded by its depth limit instead)", () => {
    expect(cost(`{ __schema { types { name fields { name } } } }`)).toBe(0);
  });
});

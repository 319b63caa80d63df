import { buildSchema, GraphQLEnumType, validate, visit, type DocumentNode } from "graphql";
// The committed API schema, emitted from the server's code.
import { SIGN_IN_MUTATION, VIEWER_QUERY } from "../auth/auth.query";
import { OVERVIEW_QUERY, PUBLIC_OVERVIEW_QUERY } from "../features/overview/overview.query";
import { readRepoFile } from "../test/repo-file.cjs";
import { PLEDGE_STATUSES, ROLES, UNIT_KINDS } from "./schema-types";

const schema = buildSchema(readRepoFile("schema/schema.graphql"));

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum in the schema`);
  return type.getValues().map((value) => value.name);
}

describe("the client against schema/schema.graphql", () => {
  const documents: Record<string, DocumentNode> = {
    Overview: OVERVIEW_QUERY,
    PublicOverview: PUBLIC_OVERVIEW_QUERY,
    SignIn: SIGN_IN_MUTATION,
    Viewer: VIEWER_QUERY,
  };

  it.each(Object.entries(documents))("the %s query is valid", (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it("asks anonymous visitors only for public data (the people part would be UNAUTHENTICATED)", () => {
    const fields = new Set<string>();
    visit(PUBLIC_OVERVIEW_QUERY, { Field: (node) => void fields.add(node.name.value) });
    const people = ["cells", "pledgeCount", "pledgesByStatus", "confirmationRate", "coveredUnit", "viewer"];
    expect(people.filter((field) => fields.has(field))).toEqual([]);
  });

  it("knows every unit kind", () => {
    expect([...UNIT_KINDS].sort()).toEqual(enumValues("UnitKind").sort());
  });

  it("knows every role", () => {
    expect([...ROLES].sort()).toEqual(enumValues("Role").sort());
  });

  it("knows every pledge status", () => {
    expect([...PLEDGE_STATUSES].sort()).toEqual(enumValues("PledgeStatus").sort());
  });
});

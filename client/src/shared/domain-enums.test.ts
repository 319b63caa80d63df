import { buildSchema, GraphQLEnumType } from "graphql";
import { isMessageKey } from "../i18n/translate";
import { readRepoFile } from "../test/repo-file.cjs";
import { ASSIGNMENT_SCOPES, CONCERN_STATUSES, GRADES, PLEDGE_CATEGORIES, VISIT_KINDS } from "./domain-enums";

const schema = buildSchema(readRepoFile("schema/schema.graphql"));

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum in the schema`);
  return type.getValues().map((value) => value.name);
}

describe.each([
  ["PledgeCategory", "pledgeCategory", PLEDGE_CATEGORIES],
  ["VisitKind", "visitKind", VISIT_KINDS],
  ["Grade", "grade", GRADES],
  ["ConcernStatus", "concernStatus", CONCERN_STATUSES],
  ["AssignmentScope", "assignmentScope", ASSIGNMENT_SCOPES],
] as const)("the %s values the client offers", (type, prefix, values) => {
  it("are every value of the schema's enum", () => {
    expect([...values].sort()).toEqual(enumValues(type).sort());
  });

  it("each have a label", () => {
    expect(values.filter((value) => !isMessageKey(`${prefix}.${value}`))).toEqual([]);
  });
});

import path from "node:path";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { AssignmentResolver } from "../features/assignments/assignment.resolver";
import { ConcernResolver, DelegationResolver } from "../features/delegations/delegation.resolver";
import { DirectiveResolver } from "../features/directives/directive.resolver";
import { EvaluationResolver, UnitEvaluationResolver } from "../features/evaluations/evaluation.resolver";
import { EventResolver } from "../features/events/event.resolver";
import { MemberResolver, PositionResolver } from "../features/members/member.resolver";
import { NodeResolver } from "../features/nodes/node.resolver";
import { NtmCriterionResolver, NtmCriterionStatusResolver, NtmRecognitionResolver } from "../features/ntm/ntm.resolver";
import { OrgUnitResolver } from "../features/org-units/org-unit.resolver";
import { PledgeResolver } from "../features/pledges/pledge.resolver";
import { SummaryResolver } from "../features/summary/summary.resolver";
import { VisitResolver } from "../features/visits/visit.resolver";
import { entities } from "../db/entities";

export const resolvers = [
  NodeResolver,
  OrgUnitResolver,
  MemberResolver,
  PositionResolver,
  DirectiveResolver,
  AssignmentResolver,
  PledgeResolver,
  VisitResolver,
  EvaluationResolver,
  UnitEvaluationResolver,
  NtmCriterionResolver,
  NtmCriterionStatusResolver,
  NtmRecognitionResolver,
  DelegationResolver,
  ConcernResolver,
  EventResolver,
  SummaryResolver,
] as const;

/** Where the committed SDL lives: third parties and the client read it, CI compares it with the code. */
export const SCHEMA_FILE = path.resolve(__dirname, "..", "..", "..", "schema", "schema.graphql");

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the resolvers' decorators. */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    orphanedTypes: entities,
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}

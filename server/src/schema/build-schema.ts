import path from "node:path";
import { createPubSub } from "@graphql-yoga/subscription";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { AssignmentResolver } from "../features/assignments/assignment.resolver";
import { ConcernResolver, DelegationResolver } from "../features/delegations/delegation.resolver";
import { DirectiveResolver } from "../features/directives/directive.resolver";
import { EvaluationResolver, UnitEvaluationResolver } from "../features/evaluations/evaluation.resolver";
import { EventResolver } from "../features/events/event.resolver";
import { MemberResolver, PositionResolver } from "../features/members/member.resolver";
import { NodeResolver } from "../features/nodes/node.resolver";
import {
  NtmCriterionResolver,
  NtmCriterionStatusResolver,
  NtmRecognitionResolver,
} from "../features/ntm/ntm.resolver";
import { OrgUnitResolver } from "../features/org-units/org-unit.resolver";
import { PledgeResolver } from "../features/pledges/pledge.resolver";
import { SummaryResolver } from "../features/summary/summary.resolver";
import { MonthlyComplianceResolver, VisitResolver } from "../features/visits/visit.resolver";
import { AuthResolver } from "../features/users/auth.resolver";
import { LiveResolver } from "../features/events/live.resolver";
import { ApiKeyResolver } from "../features/api-keys/api-key.resolver";

export const resolvers = [
  NodeResolver,
  OrgUnitResolver,
  MemberResolver,
  PositionResolver,
  DirectiveResolver,
  AssignmentResolver,
  PledgeResolver,
  VisitResolver,
  MonthlyComplianceResolver,
  EvaluationResolver,
  UnitEvaluationResolver,
  NtmCriterionResolver,
  NtmCriterionStatusResolver,
  NtmRecognitionResolver,
  DelegationResolver,
  ConcernResolver,
  EventResolver,
  SummaryResolver,
  AuthResolver,
  LiveResolver,
  ApiKeyResolver,
] as const;

/** Where the committed SDL lives: third parties and the client read it, CI compares it with the code. */
export const SCHEMA_FILE = path.resolve(__dirname, "..", "..", "..", "schema", "schema.graphql");

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the resolvers' decorators. */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    validate: false,
    emitSchemaFile: false,
    // Every subscription brings its own `subscribe` (the event feed, the dashboard hub); type-graphql still
    // insists on a pub/sub, which stays unused.
    pubSub: createPubSub(),
  }).then(describeRootTypes);
  return cached;
}

const ROOT_DESCRIPTIONS = {
  Query:
    "Read access to the assignment tracker of the Cần Thơ city Party committee: units, members, assignments, pledges, visits, NTM progress, delegations, concerns, evaluations and the event log. Lists are Relay connections (`first` ≤ 100, `after`); errors carry a stable `extensions.code`.",
  Mutation:
    "Changes. Every mutation is authorised on the server and writes an event row in the same transaction.",
  Subscription: "Live updates over graphql-ws on the same URL, streamed from the event log.",
};

/** type-graphql has no way to describe the root types; the schema's contract says every type is described. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (type && !type.description)
      (type as { description?: string | null }).description =
        ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS];
  }
  return schema;
}

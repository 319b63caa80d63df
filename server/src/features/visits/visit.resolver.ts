import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { IdempotencyKeyArg } from "../../core/mutation";
import type { Context } from "../../core/context";
import { VisitConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { Assignment } from "../assignments/assignment.entity";
import { assignmentById } from "../assignments/assignment.service";
import { Member } from "../members/member.entity";
import { memberById } from "../members/member.service";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { Visit } from "./visit.entity";
import { listVisits, VisitFilter } from "./visit.service";
import { Connection } from "../../core/pagination";
import { UnitRef } from "../../core/subtree";
import { resolveUnitRef } from "../org-units/org-unit.service";
import {
  complianceOf,
  complianceTotals,
  ComplianceTotals,
  listCompliance,
  MonthlyCompliance,
} from "./compliance.service";
import { RecordVisitInput } from "./visit.mutation-inputs";
import { recordVisit } from "./visit.workflow";

@ObjectType("MonthlyComplianceConnection", {
  description: "A page of assignments assessed against the monthly visit rule.",
})
export class MonthlyComplianceConnection extends Connection(MonthlyCompliance, "MonthlyCompliance") {}

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => VisitConnection, { description: "Visits matching a filter, latest first, a page at a time." })
  async visits(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => VisitFilter, { nullable: true, description: "Conditions on the visits." })
    filter?: VisitFilter,
  ) {
    return toConnection(VisitConnection, await listVisits(ctx, filter, page));
  }

  @Mutation(() => Visit, {
    description: "Records a visit to the unit the caller directs (MEMBER, own assignment).",
  })
  recordVisit(
    @Ctx() ctx: Context,
    @Arg("input", () => RecordVisitInput, { description: "The visit." }) input: RecordVisitInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return recordVisit(ctx, input, idempotencyKey);
  }

  @Query(() => MonthlyComplianceConnection, {
    description:
      "Assignments in a subtree assessed against their directive's monthly visit rule (at least N visits a month), a page at a time.",
  })
  async visitCompliance(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("under", () => UnitRef, { description: "The subtree." }) under: UnitRef,
    @Arg("year", () => Int, { description: "Year." }) year: number,
    @Arg("month", () => Int, { description: "Month, 1–12." }) month: number,
  ) {
    const result = await listCompliance(ctx, await resolveUnitRef(ctx, under), year, month, page);
    const nodes = await Promise.all(result.edges.map((edge) => complianceOf(ctx, edge.node, year, month)));
    return toConnection(MonthlyComplianceConnection, {
      ...result,
      edges: result.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i]! })),
    });
  }

  @Query(() => ComplianceTotals, {
    description: "How many assessed assignments in a subtree met the monthly visit rule.",
  })
  async visitComplianceTotals(
    @Ctx() ctx: Context,
    @Arg("under", () => UnitRef, { description: "The subtree." }) under: UnitRef,
    @Arg("year", () => Int, { description: "Year." }) year: number,
    @Arg("month", () => Int, { description: "Month, 1–12." }) month: number,
  ) {
    return complianceTotals(ctx, await resolveUnitRef(ctx, under), year, month);
  }

  @FieldResolver(() => Assignment, { description: "The assignment the visit was made under." })
  assignment(@Root() v: Visit, @Ctx() ctx: Context) {
    return assignmentById(ctx).load(v.assignmentId);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit visited." })
  unit(@Root() v: Visit, @Ctx() ctx: Context) {
    return unitById(ctx).load(v.unitId);
  }

  @FieldResolver(() => Member, { description: "The member who visited." })
  member(@Root() v: Visit, @Ctx() ctx: Context) {
    return memberById(ctx).load(v.memberId);
  }
}

@Resolver(() => MonthlyCompliance)
export class MonthlyComplianceResolver {
  @FieldResolver(() => Assignment, { description: "The assignment assessed." })
  assignment(@Root() c: MonthlyCompliance, @Ctx() ctx: Context) {
    return assignmentById(ctx).load(c.assignmentId);
  }
}

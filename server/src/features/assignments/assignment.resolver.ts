import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { IdempotencyKeyArg } from "../../core/mutation";
import type { Context } from "../../core/context";
import { AssignmentConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { Directive } from "../directives/directive.entity";
import { directiveById } from "../directives/directive.service";
import { Member } from "../members/member.entity";
import { memberById, termById } from "../members/member.service";
import { Term } from "../members/term.entity";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { Pledge } from "../pledges/pledge.entity";
import { PledgeStatus } from "../pledges/pledge.enums";
import { pledgesOfAssignment } from "../pledges/pledge.service";
import { Visit } from "../visits/visit.entity";
import { visitsOfAssignment } from "../visits/visit.service";
import { complianceOf, MonthlyCompliance } from "../visits/compliance.service";
import { Assignment } from "./assignment.entity";
import { AssignmentFilter } from "./assignment.inputs";
import { listAssignments } from "./assignment.service";
import {
  AssignMemberInput,
  CreateDirectiveInput,
  EndAssignmentInput,
  ReassignInput,
} from "./assignment.mutation-inputs";
import { assignMember, createDirective, endAssignment, reassign } from "./assignment.workflow";

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Query(() => AssignmentConnection, { description: "Assignments matching a filter, a page at a time." })
  async assignments(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => AssignmentFilter, { nullable: true, description: "Conditions on the assignments." })
    filter?: AssignmentFilter,
  ) {
    return toConnection(AssignmentConnection, await listAssignments(ctx, filter, page));
  }

  @Mutation(() => Directive, {
    description: "Records a directive (ADMIN, or COMMITTEE for an issuing unit in its subtree).",
  })
  createDirective(
    @Ctx() ctx: Context,
    @Arg("input", () => CreateDirectiveInput, { description: "The directive." }) input: CreateDirectiveInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return createDirective(ctx, input, idempotencyKey);
  }

  @Mutation(() => Assignment, {
    description: "Assigns a member to direct a unit (ADMIN, or COMMITTEE over the unit).",
  })
  assignMember(
    @Ctx() ctx: Context,
    @Arg("input", () => AssignMemberInput, { description: "The assignment." }) input: AssignMemberInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return assignMember(ctx, input, idempotencyKey);
  }

  @Mutation(() => Assignment, {
    description: "Ends an assignment on a day; it stays in the history (ADMIN, or COMMITTEE over the unit).",
  })
  endAssignment(
    @Ctx() ctx: Context,
    @Arg("input", () => EndAssignmentInput, { description: "The assignment and its last day." })
    input: EndAssignmentInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return endAssignment(ctx, input, idempotencyKey);
  }

  @Mutation(() => Assignment, {
    description:
      "Hands a unit to another member from a day on: ends the running assignment the day before and returns the new one.",
  })
  reassign(
    @Ctx() ctx: Context,
    @Arg("input", () => ReassignInput, { description: "Who takes over, from when." }) input: ReassignInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return reassign(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => Member, { description: "The member assigned." })
  member(@Root() a: Assignment, @Ctx() ctx: Context) {
    return memberById(ctx).load(a.memberId);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit the member directs." })
  unit(@Root() a: Assignment, @Ctx() ctx: Context) {
    return unitById(ctx).load(a.unitId);
  }

  @FieldResolver(() => Directive, { description: "The directive the assignment was made under." })
  directive(@Root() a: Assignment, @Ctx() ctx: Context) {
    return directiveById(ctx).load(a.directiveId);
  }

  @FieldResolver(() => Term, { nullable: true, description: "The committee term of the assignment." })
  term(@Root() a: Assignment, @Ctx() ctx: Context) {
    return a.termId == null ? null : termById(ctx).load(a.termId);
  }

  @FieldResolver(() => [Pledge], { description: "Pledges made under this assignment, oldest year first." })
  pledges(
    @Root() a: Assignment,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { nullable: true, description: "Only this year." }) year?: number,
    @Arg("statuses", () => [PledgeStatus], { nullable: true, description: "Only these statuses." })
    statuses?: PledgeStatus[],
  ) {
    return pledgesOfAssignment(ctx, { year, statuses }).load(a.id);
  }

  @FieldResolver(() => MonthlyCompliance, {
    nullable: true,
    description:
      "Whether the member met the directive's monthly visit rule; null when the directive sets none or the assignment did not run that month.",
  })
  compliance(
    @Root() a: Assignment,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { description: "Year." }) year: number,
    @Arg("month", () => Int, { description: "Month, 1–12." }) month: number,
  ) {
    return complianceOf(ctx, a, year, month);
  }

  @FieldResolver(() => [Visit], { description: "Visits made under this assignment, in date order." })
  visits(
    @Root() a: Assignment,
    @Ctx() ctx: Context,
    @Arg("from", () => DateScalar, { nullable: true, description: "Only visits on or after this day." })
    from?: Date,
    @Arg("to", () => DateScalar, { nullable: true, description: "Only visits on or before this day." })
    to?: Date,
  ) {
    return visitsOfAssignment(ctx, { from, to }).load(a.id);
  }
}

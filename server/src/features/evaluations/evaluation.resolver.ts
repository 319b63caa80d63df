import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { IdempotencyKeyArg } from "../../core/mutation";
import type { Context } from "../../core/context";
import { EvaluationConnection, UnitEvaluationConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { UnitRef } from "../../core/subtree";
import { Member } from "../members/member.entity";
import { memberById } from "../members/member.service";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { Evaluation } from "./evaluation.entity";
import {
  EvaluationFilter,
  listEvaluations,
  listUnitEvaluations,
  UnitEvaluationFilter,
} from "./evaluation.service";
import { ProposeGradesInput, SetFinalGradeInput, SetUnitGradeInput } from "./evaluation.mutation-inputs";
import { GradeQuotaWarning, ProposeGradesPayload, SetFinalGradePayload } from "./evaluation.payloads";
import { proposeGrades, setFinalGrade, setUnitGrade } from "./evaluation.workflow";
import { listQuotaWarnings } from "./grade-quota.service";
import { UnitEvaluation } from "./unit-evaluation.entity";

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => EvaluationConnection, {
    description: "Members' annual evaluations matching a filter, a page at a time.",
  })
  async evaluations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => EvaluationFilter, { nullable: true, description: "Conditions on the evaluations." })
    filter?: EvaluationFilter,
  ) {
    return toConnection(EvaluationConnection, await listEvaluations(ctx, filter, page));
  }

  @Query(() => [GradeQuotaWarning], {
    description:
      "Organisations in a subtree whose final grades for a year break the 2018 rule (EXCELLENT may not exceed 20% of GOOD), in tree order. COMMITTEE and ADMIN only; cut to your own subtree.",
  })
  gradeQuota(
    @Ctx() ctx: Context,
    @Arg("unit", () => UnitRef, { description: "The subtree (the unit included)." }) unit: UnitRef,
    @Arg("year", () => Int, { description: "The year." }) year: number,
  ) {
    return listQuotaWarnings(ctx, unit, year);
  }

  @Mutation(() => ProposeGradesPayload, {
    description:
      "Computes and stores the proposed grade (đề xuất xếp loại) of every member directing a unit in a subtree in a year, from the year's pledges and visits (COMMITTEE or ADMIN over the subtree). Members whose final grade is set keep their proposal; one EVALUATION_PROPOSED event per changed proposal.",
  })
  proposeGrades(
    @Ctx() ctx: Context,
    @Arg("input", () => ProposeGradesInput, { description: "The subtree and the year." })
    input: ProposeGradesInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return proposeGrades(ctx, input, idempotencyKey);
  }

  @Mutation(() => SetFinalGradePayload, {
    description:
      "Sets a member's final grade for a year (COMMITTEE or ADMIN whose subtree holds the member's home unit; never the member themselves), with a warning when the organisation then breaks the 20% rule. Event EVALUATION_FINAL_SET.",
  })
  setFinalGrade(
    @Ctx() ctx: Context,
    @Arg("input", () => SetFinalGradeInput, { description: "The member, year and grade." })
    input: SetFinalGradeInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return setFinalGrade(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => Member, { description: "The member evaluated." })
  member(@Root() e: Evaluation, @Ctx() ctx: Context) {
    return memberById(ctx).load(e.memberId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: "The committee that set the final grade." })
  decidedBy(@Root() e: Evaluation, @Ctx() ctx: Context) {
    return e.decidedByUnitId == null ? null : unitById(ctx).load(e.decidedByUnitId);
  }
}

@Resolver(() => UnitEvaluation)
export class UnitEvaluationResolver {
  @Query(() => UnitEvaluationConnection, {
    description: "Annual grades of Party organisations matching a filter.",
  })
  async unitEvaluations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => UnitEvaluationFilter, { nullable: true, description: "Conditions on the grades." })
    filter?: UnitEvaluationFilter,
  ) {
    return toConnection(UnitEvaluationConnection, await listUnitEvaluations(ctx, filter, page));
  }

  @Mutation(() => UnitEvaluation, {
    description:
      "Sets the annual grade of a Party organisation, e.g. a cell (COMMITTEE of the unit directly above it, or ADMIN over it). Event UNIT_GRADE_SET.",
  })
  setUnitGrade(
    @Ctx() ctx: Context,
    @Arg("input", () => SetUnitGradeInput, { description: "The unit, year and grade." })
    input: SetUnitGradeInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return setUnitGrade(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit graded." })
  unit(@Root() e: UnitEvaluation, @Ctx() ctx: Context) {
    return unitById(ctx).load(e.unitId);
  }
}

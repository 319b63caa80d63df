import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { OrgUnitConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { Assignment, AssignmentScope } from "../assignments/assignment.entity";
import { assignmentsOfUnit } from "../assignments/assignment.service";
import { Concern, ConcernStatus } from "../delegations/concern.entity";
import { concernsOf } from "../delegations/delegation.service";
import { UnitEvaluation } from "../evaluations/unit-evaluation.entity";
import { unitEvaluationsOfUnit } from "../evaluations/evaluation.service";
import { NtmCriterionStatus } from "../ntm/ntm-criterion-status.entity";
import { NtmRecognition } from "../ntm/ntm-recognition.entity";
import { recognitionOfUnit, statusesOfUnit } from "../ntm/ntm.service";
import { Pledge } from "../pledges/pledge.entity";
import { PledgeStatus } from "../pledges/pledge.enums";
import { pledgesOfUnit } from "../pledges/pledge.service";
import { summaryOf } from "../summary/summary.resolver";
import { UnitSummary } from "../summary/summary.types";
import { OrgUnit } from "./org-unit.entity";
import { UnitKind, UnitLevel } from "./org-unit.enums";
import { OrgUnitFilter, OrgUnitOrder } from "./org-unit.inputs";
import { ancestorsOf, childrenOf, listUnits, unitById, unitWithCode } from "./org-unit.service";

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => OrgUnit, {
    description: "The unit with this public code; fails with UNIT_NOT_FOUND when there is none.",
  })
  orgUnit(
    @Ctx() ctx: Context,
    @Arg("code", { description: "Public code, e.g. `92` (the city), `925` (Cờ Đỏ)." }) code: string,
  ) {
    return unitWithCode(ctx, code);
  }

  @Query(() => OrgUnitConnection, { description: "Units matching a filter, a page at a time." })
  async orgUnits(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => OrgUnitFilter, { nullable: true, description: "Conditions on the units." })
    filter?: OrgUnitFilter,
    @Arg("orderBy", () => OrgUnitOrder, {
      nullable: true,
      description: "Sort order; by name in Vietnamese order when omitted.",
    })
    orderBy?: OrgUnitOrder,
  ) {
    return toConnection(OrgUnitConnection, await listUnits(ctx, filter, orderBy, page));
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: "The unit directly above; null for the root.",
  })
  parent(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return unit.parentId == null ? null : unitById(ctx).load(unit.parentId);
  }

  @FieldResolver(() => [OrgUnit], { description: "Units above this one, from the root down to the parent." })
  ancestors(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return ancestorsOf(ctx, unit);
  }

  @FieldResolver(() => [OrgUnit], { description: "Units directly below this one, in Vietnamese name order." })
  children(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return childrenOf(ctx).load(unit.id);
  }

  @FieldResolver(() => OrgUnitConnection, {
    description: "Units anywhere below this one (not itself), a page at a time.",
  })
  async descendants(
    @Root() unit: OrgUnit,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("kinds", () => [UnitKind], { nullable: true, description: "Only these kinds." }) kinds?: UnitKind[],
    @Arg("levels", () => [UnitLevel], { nullable: true, description: "Only these levels." })
    levels?: UnitLevel[],
    @Arg("search", { nullable: true, description: "Words in the name, ignoring case and diacritics." })
    search?: string,
    @Arg("validOn", () => DateScalar, { nullable: true, description: "Only units that exist on this day." })
    validOn?: Date,
    @Arg("orderBy", () => OrgUnitOrder, { nullable: true, description: "Sort order; by name when omitted." })
    orderBy?: OrgUnitOrder,
  ) {
    return toConnection(
      OrgUnitConnection,
      await listUnits(ctx, { kinds, levels, search, validOn }, orderBy, page, unit),
    );
  }

  @FieldResolver(() => [Assignment], {
    description: "Members assigned to direct this unit (phân công chỉ đạo).",
  })
  assignments(
    @Root() unit: OrgUnit,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, {
      nullable: true,
      description: "Only assignments running at some time in this year.",
    })
    year?: number,
    @Arg("activeOn", () => DateScalar, {
      nullable: true,
      description: "Only assignments running on this day.",
    })
    activeOn?: Date,
    @Arg("scopes", () => [AssignmentScope], { nullable: true, description: "Only these scopes." })
    scopes?: AssignmentScope[],
  ) {
    return assignmentsOfUnit(ctx, { year, activeOn, scopes }).load(unit.id);
  }

  @FieldResolver(() => [Pledge], {
    description: "Pledges registered for this unit (not its subtree), oldest year first.",
  })
  pledges(
    @Root() unit: OrgUnit,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { nullable: true, description: "Only this year." }) year?: number,
    @Arg("statuses", () => [PledgeStatus], { nullable: true, description: "Only these statuses." })
    statuses?: PledgeStatus[],
  ) {
    return pledgesOfUnit(ctx, { year, statuses }).load(unit.id);
  }

  @FieldResolver(() => [NtmCriterionStatus], {
    description: "This commune's assessment of each NTM criterion in a year.",
  })
  ntmStatuses(
    @Root() unit: OrgUnit,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { description: "The year." }) year: number,
  ) {
    return statusesOfUnit(ctx, year).load(unit.id);
  }

  @FieldResolver(() => Int, {
    description: "How many of the 19 NTM criteria this commune meets in a year (0 for non-communes).",
  })
  async ntmCriteriaMet(
    @Root() unit: OrgUnit,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { description: "The year." }) year: number,
  ) {
    return (await statusesOfUnit(ctx, year).load(unit.id)).filter((s) => s.met).length;
  }

  @FieldResolver(() => NtmRecognition, {
    nullable: true,
    description: "The decision recognising this unit as meeting the NTM standard, if any.",
  })
  ntmRecognition(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return recognitionOfUnit(ctx).load(unit.id);
  }

  @FieldResolver(() => [Concern], { description: "Concerns this unit raised." })
  concerns(
    @Root() unit: OrgUnit,
    @Ctx() ctx: Context,
    @Arg("statuses", () => [ConcernStatus], { nullable: true, description: "Only these statuses." })
    statuses?: ConcernStatus[],
  ) {
    return concernsOf(ctx, "raisedByUnitId", statuses).load(unit.id);
  }

  @FieldResolver(() => [UnitEvaluation], { description: "This unit's annual grades, latest first." })
  grades(
    @Root() unit: OrgUnit,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { nullable: true, description: "Only this year." }) year?: number,
  ) {
    return unitEvaluationsOfUnit(ctx, year).load(unit.id);
  }

  @FieldResolver(() => UnitSummary, {
    description: "Aggregates over this unit's subtree (itself included) for a year.",
  })
  summary(
    @Root() unit: OrgUnit,
    @Arg("year", () => Int, { description: "The year." }) year: number,
  ): UnitSummary {
    return summaryOf(unit, year);
  }
}

import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { IdempotencyKeyArg } from "../../core/mutation";
import type { Context } from "../../core/context";
import { ConcernConnection, DelegationConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { UnitRef } from "../../core/subtree";
import { Member } from "../members/member.entity";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { ConcernStats } from "./concern-stats.types";
import { concernStats } from "./concern-stats.service";
import { Concern } from "./concern.entity";
import { assignConcernHandler, raiseConcern, resolveConcern, startConcern } from "./concern.workflow";
import { Delegation } from "./delegation.entity";
import {
  ConcernFilter,
  concernsOf,
  delegationById,
  DelegationFilter,
  listConcerns,
  listDelegations,
  membersOfDelegation,
} from "./delegation.service";
import {
  AssignConcernHandlerInput,
  RaiseConcernInput,
  RecordDelegationInput,
  ResolveConcernInput,
  StartConcernInput,
} from "./delegation.mutation-inputs";
import { recordDelegation } from "./delegation.workflow";

@Resolver(() => Delegation)
export class DelegationResolver {
  @Query(() => DelegationConnection, { description: "Working delegations matching a filter, latest first." })
  async delegations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => DelegationFilter, { nullable: true, description: "Conditions on the delegations." })
    filter?: DelegationFilter,
  ) {
    return toConnection(DelegationConnection, await listDelegations(ctx, filter, page));
  }

  @Mutation(() => Delegation, {
    description:
      "Records a working delegation (đoàn công tác) with its members. ADMIN or COMMITTEE whose unit covers the leading unit; the visited unit lies below the leading unit. Action DELEGATION_RECORDED.",
  })
  recordDelegation(
    @Ctx() ctx: Context,
    @Arg("input", () => RecordDelegationInput, { description: "The delegation." })
    input: RecordDelegationInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return recordDelegation(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => OrgUnit, {
    description: "The unit that led the delegation, e.g. the city standing committee.",
  })
  leadingUnit(@Root() d: Delegation, @Ctx() ctx: Context) {
    return unitById(ctx).load(d.leadingUnitId);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit visited." })
  visitedUnit(@Root() d: Delegation, @Ctx() ctx: Context) {
    return unitById(ctx).load(d.visitedUnitId);
  }

  @FieldResolver(() => [Member], { description: "Members of the delegation." })
  members(@Root() d: Delegation, @Ctx() ctx: Context) {
    return membersOfDelegation(ctx).load(d.id);
  }

  @FieldResolver(() => [Concern], { description: "Concerns raised during the session." })
  concerns(@Root() d: Delegation, @Ctx() ctx: Context) {
    return concernsOf(ctx, "delegationId").load(d.id);
  }
}

@Resolver(() => Concern)
export class ConcernResolver {
  @Query(() => ConcernConnection, { description: "Concerns matching a filter, oldest first." })
  async concerns(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => ConcernFilter, { nullable: true, description: "Conditions on the concerns." })
    filter?: ConcernFilter,
  ) {
    return toConnection(ConcernConnection, await listConcerns(ctx, filter, page));
  }

  @Query(() => ConcernStats, {
    description:
      "Concerns raised in a subtree, counted by status, with the mean and median days to resolution; only concerns you may see (as `concerns`).",
  })
  concernStats(
    @Ctx() ctx: Context,
    @Arg("under", () => UnitRef, { description: "Concerns raised by this unit or units below it." })
    under: UnitRef,
    @Arg("year", () => Int, {
      nullable: true,
      description: "Only concerns raised in this year; all years when omitted.",
    })
    year?: number,
  ) {
    return concernStats(ctx, under, year);
  }

  @Mutation(() => Concern, {
    description:
      "Records a concern (khó khăn, vướng mắc, kiến nghị) a unit raises, at a delegation or on its own. COMMITTEE whose unit covers the raising unit (the delegation's leading committee always does). Status OPEN; action CONCERN_RAISED.",
  })
  raiseConcern(
    @Ctx() ctx: Context,
    @Arg("input", () => RaiseConcernInput, { description: "The concern." }) input: RaiseConcernInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return raiseConcern(ctx, input, idempotencyKey);
  }

  @Mutation(() => Concern, {
    description:
      "Names the unit that handles an OPEN concern. ADMIN or COMMITTEE whose unit covers the raising unit and is the handler or above it. Action CONCERN_HANDLER_ASSIGNED.",
  })
  assignConcernHandler(
    @Ctx() ctx: Context,
    @Arg("input", () => AssignConcernHandlerInput, { description: "The concern and its handler." })
    input: AssignConcernHandlerInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return assignConcernHandler(ctx, input, idempotencyKey);
  }

  @Mutation(() => Concern, {
    description:
      "Takes up an OPEN concern that has a handler: OPEN → IN_PROGRESS (else CONCERN_INVALID_TRANSITION). COMMITTEE whose unit covers the handler. Action CONCERN_STARTED.",
  })
  startConcern(
    @Ctx() ctx: Context,
    @Arg("input", () => StartConcernInput, { description: "The concern." }) input: StartConcernInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return startConcern(ctx, input, idempotencyKey);
  }

  @Mutation(() => Concern, {
    description:
      "Resolves a concern with the handler's answer: IN_PROGRESS (or OPEN with a handler) → RESOLVED (else CONCERN_INVALID_TRANSITION). COMMITTEE whose unit covers the handler. Action CONCERN_RESOLVED.",
  })
  resolveConcern(
    @Ctx() ctx: Context,
    @Arg("input", () => ResolveConcernInput, { description: "The concern and the answer." })
    input: ResolveConcernInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return resolveConcern(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit that raised it." })
  raisedBy(@Root() c: Concern, @Ctx() ctx: Context) {
    return unitById(ctx).load(c.raisedByUnitId);
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: "The unit handling it; null until one is assigned.",
  })
  handler(@Root() c: Concern, @Ctx() ctx: Context) {
    return c.handlerUnitId == null ? null : unitById(ctx).load(c.handlerUnitId);
  }

  @FieldResolver(() => Delegation, {
    nullable: true,
    description: "The delegation it was raised to, if any.",
  })
  delegation(@Root() c: Concern, @Ctx() ctx: Context) {
    return c.delegationId == null ? null : delegationById(ctx).load(c.delegationId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Days from raising to resolution; null while unresolved.",
  })
  daysToResolve(@Root() c: Concern): number | null {
    if (!c.resolvedAt) return null;
    const days = (new Date(c.resolvedAt).getTime() - Date.parse(`${c.raisedOn}T00:00:00Z`)) / 86_400_000;
    return Math.round(days * 10) / 10;
  }
}

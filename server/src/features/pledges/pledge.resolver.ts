import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { IdempotencyKeyArg } from "../../core/mutation";
import type { Context } from "../../core/context";
import { PledgeConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { Assignment } from "../assignments/assignment.entity";
import { assignmentById } from "../assignments/assignment.service";
import { Member } from "../members/member.entity";
import { memberById } from "../members/member.service";
import { NtmCriterion } from "../ntm/ntm-criterion.entity";
import { criterionById } from "../ntm/ntm.service";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { Pledge } from "./pledge.entity";
import { PledgeFilter } from "./pledge.inputs";
import { listPledges } from "./pledge.service";
import {
  PledgeDecisionInput,
  RegisterPledgeInput,
  ReportPledgeInput,
  UpdatePledgeInput,
} from "./pledge.mutation-inputs";
import {
  confirmPledge,
  registerPledge,
  rejectPledge,
  reportPledge,
  updatePledge,
  withdrawPledge,
} from "./pledge.workflow";

@Resolver(() => Pledge)
export class PledgeResolver {
  @Query(() => PledgeConnection, {
    description: "Pledges matching a filter, oldest first, a page at a time.",
  })
  async pledges(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => PledgeFilter, { nullable: true, description: "Conditions on the pledges." })
    filter?: PledgeFilter,
  ) {
    return toConnection(PledgeConnection, await listPledges(ctx, filter, page));
  }

  @Mutation(() => Pledge, {
    description: "Registers a piece of work under the caller's own assignment (MEMBER). Status REGISTERED.",
  })
  registerPledge(
    @Ctx() ctx: Context,
    @Arg("input", () => RegisterPledgeInput, { description: "The pledge." }) input: RegisterPledgeInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return registerPledge(ctx, input, idempotencyKey);
  }

  @Mutation(() => Pledge, {
    description: "Edits the caller's own pledge while it is REGISTERED or REJECTED.",
  })
  updatePledge(
    @Ctx() ctx: Context,
    @Arg("input", () => UpdatePledgeInput, { description: "The changes." }) input: UpdatePledgeInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return updatePledge(ctx, input, idempotencyKey);
  }

  @Mutation(() => Pledge, {
    description: "Withdraws the caller's own pledge before it is reported. Status WITHDRAWN.",
  })
  withdrawPledge(
    @Ctx() ctx: Context,
    @Arg("input", () => PledgeDecisionInput, { description: "The pledge." }) input: PledgeDecisionInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return withdrawPledge(ctx, input, idempotencyKey);
  }

  @Mutation(() => Pledge, {
    description:
      "Reports the caller's own pledge done, with what was achieved and evidence. Status REPORTED.",
  })
  reportPledge(
    @Ctx() ctx: Context,
    @Arg("input", () => ReportPledgeInput, { description: "The report." }) input: ReportPledgeInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return reportPledge(ctx, input, idempotencyKey);
  }

  @Mutation(() => Pledge, {
    description:
      "Confirms a REPORTED pledge (COMMITTEE of the unit directly above the pledge's unit; never its own member). Status CONFIRMED.",
  })
  confirmPledge(
    @Ctx() ctx: Context,
    @Arg("input", () => PledgeDecisionInput, { description: "The pledge." }) input: PledgeDecisionInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return confirmPledge(ctx, input, idempotencyKey);
  }

  @Mutation(() => Pledge, {
    description:
      "Rejects a REPORTED pledge with a reason (same committee as confirmPledge). Status REJECTED; the member may report again.",
  })
  rejectPledge(
    @Ctx() ctx: Context,
    @Arg("input", () => PledgeDecisionInput, { description: "The pledge and the reason." })
    input: PledgeDecisionInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return rejectPledge(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => Assignment, { description: "The assignment the pledge is made under." })
  assignment(@Root() p: Pledge, @Ctx() ctx: Context) {
    return assignmentById(ctx).load(p.assignmentId);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit the work is for." })
  unit(@Root() p: Pledge, @Ctx() ctx: Context) {
    return unitById(ctx).load(p.unitId);
  }

  @FieldResolver(() => Member, { description: "The member who pledged it." })
  member(@Root() p: Pledge, @Ctx() ctx: Context) {
    return memberById(ctx).load(p.memberId);
  }

  @FieldResolver(() => NtmCriterion, {
    nullable: true,
    description: "The NTM criterion the work serves, if any.",
  })
  ntmCriterion(@Root() p: Pledge, @Ctx() ctx: Context) {
    return p.ntmCriterionId == null ? null : criterionById(ctx).load(p.ntmCriterionId);
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: "The committee that confirmed or rejected it.",
  })
  decidedBy(@Root() p: Pledge, @Ctx() ctx: Context) {
    return p.decidedByUnitId == null ? null : unitById(ctx).load(p.decidedByUnitId);
  }
}

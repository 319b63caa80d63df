import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
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

@Resolver(() => Pledge)
export class PledgeResolver {
  @Query(() => PledgeConnection, { description: "Pledges matching a filter, oldest first, a page at a time." })
  async pledges(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => PledgeFilter, { nullable: true, description: "Conditions on the pledges." }) filter?: PledgeFilter,
  ) {
    return toConnection(PledgeConnection, await listPledges(ctx, filter, page));
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

  @FieldResolver(() => NtmCriterion, { nullable: true, description: "The NTM criterion the work serves, if any." })
  ntmCriterion(@Root() p: Pledge, @Ctx() ctx: Context) {
    return p.ntmCriterionId == null ? null : criterionById(ctx).load(p.ntmCriterionId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: "The committee that confirmed or rejected it." })
  decidedBy(@Root() p: Pledge, @Ctx() ctx: Context) {
    return p.decidedByUnitId == null ? null : unitById(ctx).load(p.decidedByUnitId);
  }
}

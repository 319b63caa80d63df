import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
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

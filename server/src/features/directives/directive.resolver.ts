import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { DirectiveConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { Assignment } from "../assignments/assignment.entity";
import { assignmentsOfDirective } from "../assignments/assignment.service";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { directiveAssignmentTotals } from "../summary/summary.service";
import { AssignmentTotals } from "../summary/summary.types";
import { Directive } from "./directive.entity";
import { DirectiveFilter, listDirectives } from "./directive.service";

@Resolver(() => Directive)
export class DirectiveResolver {
  @Query(() => DirectiveConnection, { description: "Directives matching a filter, a page at a time." })
  async directives(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => DirectiveFilter, { nullable: true, description: "Conditions on the directives." })
    filter?: DirectiveFilter,
  ) {
    return toConnection(DirectiveConnection, await listDirectives(ctx, filter, page));
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: "The issuing unit when it is in the hierarchy (null for central bodies).",
  })
  issuerUnit(@Root() directive: Directive, @Ctx() ctx: Context) {
    return directive.issuerUnitId == null ? null : unitById(ctx).load(directive.issuerUnitId);
  }

  @FieldResolver(() => AssignmentTotals, {
    description:
      "How many assignments run under this directive in a year, to how many people and units (within your subtree).",
  })
  async assignmentTotals(
    @Root() directive: Directive,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { description: "The year." }) year: number,
  ): Promise<AssignmentTotals> {
    const t = await directiveAssignmentTotals(ctx, year).load(directive.id);
    return { assignments: t.assignments, directingMembers: t.members, directedUnits: t.units };
  }

  @FieldResolver(() => [Assignment], { description: "Assignments made under this directive." })
  assignments(
    @Root() directive: Directive,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, {
      nullable: true,
      description: "Only assignments running at some time in this year.",
    })
    year?: number,
  ) {
    return assignmentsOfDirective(ctx, { year }).load(directive.id);
  }
}

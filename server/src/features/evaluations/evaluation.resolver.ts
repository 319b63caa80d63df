import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { EvaluationConnection, UnitEvaluationConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
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

  @FieldResolver(() => OrgUnit, { description: "The unit graded." })
  unit(@Root() e: UnitEvaluation, @Ctx() ctx: Context) {
    return unitById(ctx).load(e.unitId);
  }
}

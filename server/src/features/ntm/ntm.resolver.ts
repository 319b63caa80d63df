import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { NtmCriterionStatusConnection, NtmRecognitionConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { NtmCriterionStatus } from "./ntm-criterion-status.entity";
import { NtmCriterion } from "./ntm-criterion.entity";
import { NtmRecognition } from "./ntm-recognition.entity";
import {
  allCriteria,
  criterionById,
  listRecognitions,
  listStatuses,
  NtmRecognitionFilter,
  NtmStatusFilter,
} from "./ntm.service";

@Resolver(() => NtmCriterion)
export class NtmCriterionResolver {
  @Query(() => [NtmCriterion], { description: "The 19 national NTM criteria, by number." })
  ntmCriteria(@Ctx() ctx: Context) {
    return allCriteria(ctx);
  }

  @Query(() => NtmRecognitionConnection, { description: "NTM recognition decisions matching a filter." })
  async ntmRecognitions(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => NtmRecognitionFilter, {
      nullable: true,
      description: "Conditions on the decisions.",
    })
    filter?: NtmRecognitionFilter,
  ) {
    return toConnection(NtmRecognitionConnection, await listRecognitions(ctx, filter, page));
  }

  @Query(() => NtmCriterionStatusConnection, {
    description: "Criterion assessments of communes matching a filter.",
  })
  async ntmStatuses(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => NtmStatusFilter, { nullable: true, description: "Conditions on the assessments." })
    filter?: NtmStatusFilter,
  ) {
    return toConnection(NtmCriterionStatusConnection, await listStatuses(ctx, filter, page));
  }
}

@Resolver(() => NtmCriterionStatus)
export class NtmCriterionStatusResolver {
  @FieldResolver(() => OrgUnit, { description: "The commune assessed." })
  unit(@Root() s: NtmCriterionStatus, @Ctx() ctx: Context) {
    return unitById(ctx).load(s.unitId);
  }

  @FieldResolver(() => NtmCriterion, { description: "The criterion." })
  criterion(@Root() s: NtmCriterionStatus, @Ctx() ctx: Context) {
    return criterionById(ctx).load(s.criterionId);
  }
}

@Resolver(() => NtmRecognition)
export class NtmRecognitionResolver {
  @FieldResolver(() => OrgUnit, { description: "The commune or district recognised." })
  unit(@Root() r: NtmRecognition, @Ctx() ctx: Context) {
    return unitById(ctx).load(r.unitId);
  }
}

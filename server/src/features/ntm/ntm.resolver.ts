import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { IdempotencyKeyArg } from "../../core/mutation";
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
import { RecognizeNtmInput, SetNtmCriterionStatusInput } from "./ntm.mutation-inputs";
import { recognizeNtm, setNtmCriterionStatus } from "./ntm.workflow";

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

  @Mutation(() => NtmCriterionStatus, {
    description:
      "Sets whether a commune (xã) meets one NTM criterion in a year, with the date and evidence; replaces an earlier assessment of the same criterion and year. ADMIN or COMMITTEE whose unit covers the commune. Action NTM_CRITERION_SET.",
  })
  setNtmCriterionStatus(
    @Ctx() ctx: Context,
    @Arg("input", () => SetNtmCriterionStatusInput, { description: "The assessment." })
    input: SetNtmCriterionStatusInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return setNtmCriterionStatus(ctx, input, idempotencyKey);
  }

  @Mutation(() => NtmRecognition, {
    description:
      "Records the decision recognising a commune or rural district as meeting the NTM standard (công nhận đạt chuẩn). A xã needs all 19 criteria met in the decision's year (else NTM_CRITERIA_NOT_MET); a huyện needs all its xã recognised (else NTM_COMMUNES_NOT_RECOGNISED). ADMIN or COMMITTEE of a unit above it. Action NTM_RECOGNISED.",
  })
  recognizeNtm(
    @Ctx() ctx: Context,
    @Arg("input", () => RecognizeNtmInput, { description: "The decision." }) input: RecognizeNtmInput,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return recognizeNtm(ctx, input, idempotencyKey);
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

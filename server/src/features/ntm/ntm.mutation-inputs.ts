import { Field, InputType, Int } from "type-graphql";
import { DateScalar } from "../../core/scalars";
import { UnitRef } from "../../core/subtree";

@InputType("SetNtmCriterionStatusInput", {
  description:
    "A commune's assessment of one NTM criterion in a year (đánh giá tiêu chí). It replaces any earlier assessment of the same commune, year and criterion.",
})
export class SetNtmCriterionStatusInput {
  @Field(() => UnitRef, { description: "The commune (xã) assessed; it must be of kind COMMUNE." })
  unit: UnitRef;

  @Field(() => Int, { description: "Year of the assessment." })
  year: number;

  @Field(() => Int, { description: "Number of the criterion in the national set, 1 to 19." })
  criterionNumber: number;

  @Field({ description: "True when the criterion is met (đạt), false when it is not (chưa đạt)." })
  met: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day the criterion was assessed as met, within `year`; only with `met: true`.",
  })
  metOn?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Evidence: the appraisal record (biên bản thẩm định) or a note, at most 5,000 characters. Omitted means none.",
  })
  evidence?: string | null;
}

@InputType("RecognizeNtmInput", {
  description:
    "A decision recognising a commune or rural district as meeting the New Rural standard (quyết định công nhận đạt chuẩn NTM).",
})
export class RecognizeNtmInput {
  @Field(() => UnitRef, {
    description: "The commune (xã, kind COMMUNE) or rural district (huyện, kind RURAL_DISTRICT) recognised.",
  })
  unit: UnitRef;

  @Field({ description: "Number of the decision as written, e.g. `3456/QĐ-UBND`; at most 48 characters." })
  decisionNumber: string;

  @Field(() => DateScalar, {
    description:
      "Date of the decision. A commune must meet all 19 criteria in this date's year; a district's communes must all be recognised on or before it.",
  })
  decidedOn: Date;
}

import { Field, ID, InputType, Int } from "type-graphql";
import { UnitRef } from "../../core/subtree";
import { Grade, UnitGrade } from "./evaluation.enums";

@InputType("ProposeGradesInput", {
  description: "Which members' proposed grades to compute: those directing units in a subtree in a year.",
})
export class ProposeGradesInput {
  @Field(() => UnitRef, {
    description:
      "The subtree: every member with an assignment running in the year to a unit in it (the unit included) is graded.",
  })
  unit: UnitRef;
  @Field(() => Int, { description: "The year evaluated; it must have begun." })
  year: number;
}

@InputType("SetFinalGradeInput", {
  description: "A committee's final grade for a member's year (xếp loại đảng viên).",
})
export class SetFinalGradeInput {
  @Field(() => ID, { description: "The member graded." })
  member: string;
  @Field(() => Int, { description: "The year evaluated; it must have begun." })
  year: number;
  @Field(() => Grade, { description: "The final grade." })
  grade: Grade;
  @Field(() => String, {
    nullable: true,
    description:
      "The committee's remarks, at most 2000 characters; omitted keeps them, null or empty clears them.",
  })
  note?: string | null;
}

@InputType("SetUnitGradeInput", {
  description: "The annual grade of a Party organisation, e.g. a cell (xếp loại tổ chức đảng).",
})
export class SetUnitGradeInput {
  @Field(() => UnitRef, { description: "The unit graded." })
  unit: UnitRef;
  @Field(() => Int, { description: "The year evaluated; it must have begun." })
  year: number;
  @Field(() => UnitGrade, { description: "The grade." })
  grade: UnitGrade;
}

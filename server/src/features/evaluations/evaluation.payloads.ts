import { Args, Field, Int, ObjectType } from "type-graphql";
import { EvaluationConnection } from "../../core/connections";
import { PageArgs, toConnection, type Page } from "../../core/pagination";
import { OrgUnit } from "../org-units/org-unit.entity";
import { Evaluation } from "./evaluation.entity";
import { Grade } from "./evaluation.enums";

@ObjectType("GradeQuotaWarning", {
  description:
    "An organisation whose final grades break the 2018 rule for a year: the members graded EXCELLENT may not exceed 20% of those graded GOOD.",
})
export class GradeQuotaWarning {
  @Field(() => OrgUnit, {
    description: "The organisation: the home unit of the members graded (their cell or committee).",
  })
  unit: OrgUnit;
  @Field(() => Int, { description: "The year." })
  year: number;
  @Field(() => Int, { description: "Members of the organisation graded EXCELLENT for the year." })
  excellent: number;
  @Field(() => Int, { description: "Members of the organisation graded GOOD for the year." })
  good: number;
  @Field(() => Int, { description: "The most that may be graded EXCELLENT: floor(20% of `good`)." })
  maxExcellent: number;
}

@ObjectType("SetFinalGradePayload", { description: "The result of setting a member's final grade." })
export class SetFinalGradePayload {
  @Field(() => Evaluation, { description: "The evaluation, with its final grade." })
  evaluation: Evaluation;
  @Field(() => GradeQuotaWarning, {
    nullable: true,
    description:
      "Set when the member's organisation now has more EXCELLENT grades for the year than 20% of its GOOD ones; the grade is saved all the same.",
  })
  quotaWarning: GradeQuotaWarning | null;
}

@ObjectType("GradeCount", { description: "How many evaluations have a grade." })
export class GradeCount {
  @Field(() => Grade, { description: "The grade." })
  grade: Grade;
  @Field(() => Int, { description: "How many." })
  count: number;
}

@ObjectType("ProposeGradesPayload", { description: "The result of computing proposed grades for a subtree." })
export class ProposeGradesPayload {
  /** Lists the evaluations the call covers, a page at a time. */
  list: (page: { first?: number; after?: string }) => Promise<Page<Evaluation>>;

  @Field(() => OrgUnit, { description: "The subtree's root." })
  unit: OrgUnit;
  @Field(() => Int, { description: "The year." })
  year: number;
  @Field(() => Int, {
    description:
      "Members with an assignment running in the year to a unit in the subtree whose home unit is in your subtree: the evaluations this call covers.",
  })
  members: number;
  @Field(() => Int, {
    description:
      "Proposals this call created or changed, one EVALUATION_PROPOSED event each; 0 when nothing moved or when the call repeated an earlier one with the same idempotency key.",
  })
  changed: number;
  @Field(() => Int, {
    description:
      "Of `members`, those whose final grade is already set: their proposal stays as it was when the committee decided.",
  })
  decided: number;
  @Field(() => Int, {
    description:
      "Members assigned in the subtree whose home unit lies outside your subtree: the committee over their home unit proposes their grades.",
  })
  outsideScope: number;
  @Field(() => [GradeCount], { description: "Proposed grades of the covered members, by grade." })
  proposed: GradeCount[];

  @Field(() => EvaluationConnection, {
    description: "The evaluations this call covers, by id, a page at a time.",
  })
  async evaluations(@Args() page: PageArgs): Promise<EvaluationConnection> {
    return toConnection(EvaluationConnection, await this.list(page));
  }
}

import { Field, Float, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../core/scalars";
import { PledgeCategory } from "./pledge.enums";

@InputType("RegisterPledgeInput", {
  description: "A new piece of work a directing member pledges for a year.",
})
export class RegisterPledgeInput {
  @Field(() => ID, { description: "The caller's own assignment the work is pledged under." })
  assignment: string;
  @Field(() => Int, { description: "The year the work is pledged for; the assignment must run in it." })
  year: number;
  @Field({ description: "What will be done, at most 300 characters." })
  title: string;
  @Field(() => PledgeCategory, { description: "Field of work." })
  category: PledgeCategory;
  @Field(() => Int, { nullable: true, description: "The NTM criterion (1–19) the work serves, if any." })
  ntmCriterionNumber?: number;
  @Field(() => Float, { nullable: true, description: "Target quantity, e.g. 13." })
  targetQuantity?: number;
  @Field({ nullable: true, description: "Unit of the target quantity, e.g. `km`." })
  targetUnit?: string;
  @Field(() => DateScalar, { nullable: true, description: "Due date." })
  dueOn?: Date;
}

@InputType("UpdatePledgeInput", {
  description: "Changes to a pledge that is registered or was rejected; omitted fields stay.",
})
export class UpdatePledgeInput {
  @Field(() => ID, { description: "The pledge." })
  id: string;
  @Field(() => Int, {
    nullable: true,
    description: "The version you loaded; the change is refused with VERSION_CONFLICT if it moved on.",
  })
  expectedVersion?: number;
  @Field({ nullable: true, description: "New title." })
  title?: string;
  @Field(() => PledgeCategory, { nullable: true, description: "New category." })
  category?: PledgeCategory;
  @Field(() => Int, { nullable: true, description: "New NTM criterion number; null to clear." })
  ntmCriterionNumber?: number | null;
  @Field(() => Float, { nullable: true, description: "New target quantity; null to clear." })
  targetQuantity?: number | null;
  @Field(() => String, { nullable: true, description: "New unit of the target; null to clear." })
  targetUnit?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "New due date; null to clear." })
  dueOn?: Date | null;
}

@InputType("ReportPledgeInput", { description: "A member's report that a pledge is done." })
export class ReportPledgeInput {
  @Field(() => ID, { description: "The pledge." })
  id: string;
  @Field(() => Int, { nullable: true, description: "The version you loaded (optimistic check)." })
  expectedVersion?: number;
  @Field({ description: "What was achieved." })
  reportNote: string;
  @Field(() => Float, { nullable: true, description: "Quantity achieved, in the target's unit." })
  achievedQuantity?: number;
  @Field({ nullable: true, description: "Evidence offered (minutes, photos described)." })
  evidenceNote?: string;
  @Field(() => [String], {
    nullable: true,
    description: "Links (http/https) to evidence documents, at most 10.",
  })
  evidenceLinks?: string[];
}

@InputType("PledgeDecisionInput", { description: "Confirming, rejecting or withdrawing a pledge." })
export class PledgeDecisionInput {
  @Field(() => ID, { description: "The pledge." })
  id: string;
  @Field(() => Int, { nullable: true, description: "The version you loaded (optimistic check)." })
  expectedVersion?: number;
  @Field({
    nullable: true,
    description: "Why the report is rejected; required by rejectPledge, ignored otherwise.",
  })
  reason?: string;
}

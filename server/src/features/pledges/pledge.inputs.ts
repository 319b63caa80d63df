import { Field, ID, InputType, Int } from "type-graphql";
import { UnitRef } from "../../core/subtree";
import { PledgeCategory, PledgeStatus } from "./pledge.enums";

@InputType("PledgeFilter", { description: "Which pledges to list; all conditions must hold." })
export class PledgeFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only pledges for units in this unit's subtree (the unit included).",
  })
  under?: UnitRef;

  @Field(() => ID, { nullable: true, description: "Only pledges of this member." })
  member?: string;

  @Field(() => ID, { nullable: true, description: "Only pledges under this assignment." })
  assignment?: string;

  @Field(() => Int, { nullable: true, description: "Only pledges for this year." })
  year?: number;

  @Field(() => [PledgeStatus], { nullable: true, description: "Only pledges in these statuses." })
  statuses?: PledgeStatus[];

  @Field(() => [PledgeCategory], { nullable: true, description: "Only pledges in these categories." })
  categories?: PledgeCategory[];

  @Field(() => Int, {
    nullable: true,
    description: "Only pledges that serve this NTM criterion (its number, 1–19).",
  })
  ntmCriterionNumber?: number;
}

import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../core/scalars";
import { UnitRef } from "../../core/subtree";
import { AssignmentScope } from "./assignment.entity";

@InputType("AssignmentFilter", { description: "Which assignments to list; all conditions must hold." })
export class AssignmentFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only assignments to units in this unit's subtree (the unit included).",
  })
  under?: UnitRef;

  @Field(() => ID, { nullable: true, description: "Only assignments of this member." })
  member?: string;

  @Field(() => ID, { nullable: true, description: "Only assignments made under this directive." })
  directive?: string;

  @Field(() => ID, { nullable: true, description: "Only assignments of this term." })
  term?: string;

  @Field(() => [AssignmentScope], { nullable: true, description: "Only assignments of these scopes." })
  scopes?: AssignmentScope[];

  @Field(() => Int, { nullable: true, description: "Only assignments running at some time in this year." })
  year?: number;

  @Field(() => DateScalar, { nullable: true, description: "Only assignments running on this day." })
  activeOn?: Date;
}

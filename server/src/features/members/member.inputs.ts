import { Field, InputType } from "type-graphql";
import { UnitRef } from "../../core/subtree";

@InputType("MemberFilter", { description: "Which members to list; all conditions must hold." })
export class MemberFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only members whose home unit is in this unit's subtree (the unit included).",
  })
  under?: UnitRef;

  @Field({
    nullable: true,
    description: "Words that must all occur in the full name, ignoring case and diacritics.",
  })
  search?: string;

  @Field({
    nullable: true,
    description: "Only members who direct some unit (true) or none (false) in `directingInYear`.",
  })
  directing?: boolean;

  @Field({ nullable: true, description: "Year that `directing` refers to; the current year when omitted." })
  directingInYear?: number;
}

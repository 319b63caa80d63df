import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../core/scalars";
import { UnitRef } from "../../core/subtree";
import { DirectiveType } from "../directives/directive.entity";
import { AssignmentScope } from "./assignment.entity";

@InputType("CreateDirectiveInput", { description: "A Party document under which members are assigned." })
export class CreateDirectiveInput {
  @Field({ description: "Number as written, e.g. `02-NQ/QU`." })
  number: string;
  @Field(() => DirectiveType, { description: "Type of document." })
  type: DirectiveType;
  @Field(() => UnitRef, { description: "The issuing unit; it must be in your subtree." })
  issuer: UnitRef;
  @Field({
    nullable: true,
    description:
      "Issuing body as written, e.g. `Ban Thường vụ Quận ủy Bình Thủy`; the unit's name when omitted.",
  })
  issuerName?: string;
  @Field(() => DateScalar, { nullable: true, description: "Date of issue." })
  issuedOn?: Date;
  @Field(() => Int, { nullable: true, description: "Year of issue when the date is unknown." })
  issuedYear?: number;
  @Field({ description: "Title (trích yếu)." })
  title: string;
  @Field(() => Int, {
    nullable: true,
    description: "Minimum visits a month required of each assigned member, if the directive sets one.",
  })
  minVisitsPerMonth?: number;
}

@InputType("AssignMemberInput", { description: "Assigns a member to direct a unit under a directive." })
export class AssignMemberInput {
  @Field(() => ID, { description: "The member." })
  member: string;
  @Field(() => UnitRef, {
    description: "The unit to direct; in your subtree and under the directive's issuing unit.",
  })
  unit: UnitRef;
  @Field(() => ID, { description: "The directive the assignment is made under." })
  directive: string;
  @Field(() => ID, { nullable: true, description: "The committee term." })
  term?: string;
  @Field(() => AssignmentScope, { description: "What the member directs." })
  scope: AssignmentScope;
  @Field(() => DateScalar, { description: "First day." })
  startsOn: Date;
  @Field(() => DateScalar, { nullable: true, description: "Last day, if already known." })
  endsOn?: Date;
}

@InputType("EndAssignmentInput", { description: "Ends an assignment on a day; it stays in the history." })
export class EndAssignmentInput {
  @Field(() => ID, { description: "The assignment." })
  id: string;
  @Field(() => DateScalar, { description: "Last day of the assignment." })
  endsOn: Date;
}

@InputType("ReassignInput", { description: "Hands a directed unit to another member from a day on." })
export class ReassignInput {
  @Field(() => ID, { description: "The running assignment." })
  assignment: string;
  @Field(() => ID, { description: "The member who takes over." })
  member: string;
  @Field(() => DateScalar, {
    description: "First day of the new member; the old assignment ends the day before.",
  })
  from: Date;
}

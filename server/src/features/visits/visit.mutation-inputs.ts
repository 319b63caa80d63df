import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../core/scalars";
import { VisitKind } from "./visit.entity";

@InputType("RecordVisitInput", { description: "A visit of a directing member to the unit they direct." })
export class RecordVisitInput {
  @Field(() => ID, { description: "The caller's own assignment to the visited unit." })
  assignment: string;
  @Field(() => DateScalar, { description: "Day of the visit: within the assignment, not in the future." })
  visitedOn: Date;
  @Field(() => VisitKind, { description: "Kind of visit." })
  kind: VisitKind;
  @Field({ nullable: true, description: "What happened, at most 2000 characters." })
  note?: string;
}

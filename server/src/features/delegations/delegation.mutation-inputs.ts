import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../core/scalars";
import { UnitRef } from "../../core/subtree";

@InputType("RecordDelegationInput", {
  description: "A working delegation (đoàn công tác) that a unit sent to a unit below it.",
})
export class RecordDelegationInput {
  @Field(() => UnitRef, {
    description:
      "The unit that led the delegation, e.g. the city standing committee; it must be in your subtree.",
  })
  leadingUnit: UnitRef;

  @Field(() => UnitRef, { description: "The unit visited; it must lie below the leading unit." })
  visitedUnit: UnitRef;

  @Field(() => DateScalar, { description: "Day of the working session." })
  visitedOn: Date;

  @Field({
    description: "Purpose or title, e.g. `Làm việc với Đảng ủy xã Tân Thạnh`; at most 300 characters.",
  })
  title: string;

  @Field(() => String, {
    nullable: true,
    description: "Conclusions of the session, at most 5,000 characters.",
  })
  note?: string | null;

  @Field(() => [ID], {
    description: "Members of the delegation (1 to 30, duplicates ignored); each must be visible to you.",
  })
  members: string[];
}

@InputType("RaiseConcernInput", {
  description: "A difficulty, problem or proposal (khó khăn, vướng mắc, kiến nghị) a unit raises.",
})
export class RaiseConcernInput {
  @Field(() => UnitRef, {
    description: "The unit raising it. With a delegation, it must be the visited unit or lie below it.",
  })
  raisedBy: UnitRef;

  @Field(() => ID, { nullable: true, description: "The working delegation it was raised to, if any." })
  delegation?: string | null;

  @Field({ description: "The concern in one line, at most 300 characters." })
  title: string;

  @Field(() => String, { nullable: true, description: "Details, at most 5,000 characters." })
  description?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Day it was raised, not in the future and not before the delegation's session; the session's day (or today without a delegation) when omitted.",
  })
  raisedOn?: Date | null;
}

@InputType("AssignConcernHandlerInput", {
  description: "Names the unit that handles an OPEN concern (đơn vị giải quyết).",
})
export class AssignConcernHandlerInput {
  @Field(() => ID, { description: "The concern." })
  id: string;

  @Field(() => UnitRef, { description: "The handler unit; it must be your unit or lie below it." })
  handler: UnitRef;
}

@InputType("StartConcernInput", { description: "Taking up an OPEN concern." })
export class StartConcernInput {
  @Field(() => ID, { description: "The concern." })
  id: string;
}

@InputType("ResolveConcernInput", { description: "The handler's answer that resolves a concern." })
export class ResolveConcernInput {
  @Field(() => ID, { description: "The concern." })
  id: string;

  @Field({ description: "The answer (trả lời, kết quả giải quyết); not empty, at most 5,000 characters." })
  answer: string;
}

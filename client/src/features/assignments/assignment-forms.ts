import type { Dayjs } from "dayjs";
import type { AssignmentScope } from "../../gql/graphql";
import type { AssignMemberInput, DirectiveOption } from "./assignments.query";

const DAY = "YYYY-MM-DD";

/** Whether a unit code lies in the subtree of another (the unit itself included): 925.02 is under 925. */
export function isUnder(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/**
 * The directives a unit may be assigned under: issued by the unit or a unit above it (not central bodies),
 * the highest issuer first, so the last is the one nearest the unit.
 */
export function directivesFor(unitCode: string, directives: readonly DirectiveOption[]): DirectiveOption[] {
  return directives
    .filter((directive) => directive.issuerUnit && isUnder(unitCode, directive.issuerUnit.code))
    .sort((a, b) => a.issuerUnit!.code.length - b.issuerUnit!.code.length);
}

export interface AssignFormValues {
  member: string;
  directive: string;
  scope: AssignmentScope;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
}

export function toAssignMemberInput(unitCode: string, values: AssignFormValues): AssignMemberInput {
  const input: AssignMemberInput = {
    directive: values.directive,
    member: values.member,
    unit: { code: unitCode },
    scope: values.scope,
    startsOn: values.startsOn.format(DAY),
  };
  if (values.endsOn) input.endsOn = values.endsOn.format(DAY);
  return input;
}

/** A day for an assignment's end or hand-over: not before it started. */
export function isDayAllowed(day: string, startsOn: string): boolean {
  return day >= startsOn;
}

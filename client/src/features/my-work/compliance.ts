import type { MyWorkQuery } from "../../gql/graphql";

type Assignment = NonNullable<NonNullable<MyWorkQuery["viewer"]>["member"]>["assignments"][number];
type Compliance = Assignment["m1"];

export const MONTH_KEYS = [
  "m1",
  "m2",
  "m3",
  "m4",
  "m5",
  "m6",
  "m7",
  "m8",
  "m9",
  "m10",
  "m11",
  "m12",
] as const;

/**
 * One month of an assignment against its directive's visit rule:
 * - `compliant` / `below`: the server assessed it (the directive sets a minimum and the assignment ran);
 * - `notAssessed`: the directive sets no minimum, so only the visits are counted;
 * - `notRunning`: the assignment did not run that month; `upcoming`: the month has not begun.
 */
export interface MonthCompliance {
  month: number;
  visits: number;
  required: number | null;
  state: "compliant" | "below" | "notAssessed" | "notRunning" | "upcoming";
}

/** The 12 months of a year for one assignment, from the server's `compliance` and the visits it lists. */
export function monthlyCompliance(
  assignment: Pick<Assignment, "startsOn" | "endsOn" | "visits" | (typeof MONTH_KEYS)[number]> & {
    directive: { minVisitsPerMonth: number | null };
  },
  year: number,
  today: string,
): MonthCompliance[] {
  return MONTH_KEYS.map((key, index) => {
    const month = index + 1;
    const prefix = `${year}-${String(month).padStart(2, "0")}`;
    const counted = assignment.visits.filter((visit) => visit.visitedOn.startsWith(prefix)).length;
    const assessed: Compliance = assignment[key];
    if (assessed) {
      return {
        month,
        visits: assessed.visits,
        required: assessed.required,
        state: assessed.compliant ? "compliant" : "below",
      };
    }
    const first = `${prefix}-01`;
    const last = `${prefix}-31`;
    const running = assignment.startsOn <= last && (!assignment.endsOn || assignment.endsOn >= first);
    const state = first > today ? "upcoming" : !running ? "notRunning" : "notAssessed";
    return { month, visits: counted, required: assignment.directive.minVisitsPerMonth, state };
  });
}

/** How many assessed months met the rule, of how many were assessed. */
export function complianceTotals(months: readonly MonthCompliance[]): {
  compliant: number;
  assessed: number;
} {
  const assessed = months.filter((m) => m.state === "compliant" || m.state === "below");
  return { compliant: assessed.filter((m) => m.state === "compliant").length, assessed: assessed.length };
}

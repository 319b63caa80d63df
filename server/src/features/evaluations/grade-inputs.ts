import type { GradeInputs } from "./grade-rule";

/**
 * How one member's year becomes the `GradeInputs` of the proposed-grade rule. Pure functions over rows that
 * `evaluation.workflow.ts` reads in a few batched statements; the choices are written down here once:
 *
 * - pledges: the member's pledges of the year, withdrawn ones left out (under any of their assignments);
 * - confirmed: of those, pledges now CONFIRMED;
 * - rejected: of those, pledges rejected at least once: status REJECTED now, or a rejection reason on record,
 *   or a PLEDGE_REJECTED event (a confirmation after a new report clears the reason, the event stays);
 * - months: assignment-months. Each assignment under a directive with a monthly visit minimum is assessed in
 *   every month it ran at least one day (as the monthly compliance view counts it), among the months of the
 *   year that have ended: all 12 for a past year, January to last month for the current year (a month in
 *   progress cannot be judged yet), none for a future year. A member who directs two cells is assessed on
 *   each; the month is compliant when the visits recorded under that assignment reach the minimum.
 */

/** One of the member's assignments under a directive with a monthly visit minimum. */
export interface AssessedAssignment {
  id: number;
  memberId: number;
  startsOn: string;
  endsOn: string | null;
  minVisitsPerMonth: number;
}

/** Pledge counts of one member's year, as the batched query returns them. */
export interface PledgeCounts {
  pledges: number;
  confirmed: number;
  rejected: number;
}

/** The last month of `year` that has ended on `today` (`YYYY-MM-DD`): 12 for past years, 0 for future ones. */
export function lastEndedMonth(year: number, today: string): number {
  const currentYear = Number(today.slice(0, 4));
  if (year < currentYear) return 12;
  if (year > currentYear) return 0;
  return Number(today.slice(5, 7)) - 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Months 1..lastMonth of `year` in which the assignment ran at least one day. */
export function monthsRunning(
  assignment: Pick<AssessedAssignment, "startsOn" | "endsOn">,
  year: number,
  lastMonth: number,
): number[] {
  const months: number[] = [];
  for (let month = 1; month <= lastMonth; month++) {
    const first = `${year}-${pad(month)}-01`;
    const last = `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
    if (assignment.startsOn <= last && (assignment.endsOn == null || assignment.endsOn >= first))
      months.push(month);
  }
  return months;
}

/**
 * The rule's inputs for each member, from their pledge counts, their assessed assignments and the visits per
 * assignment and month (`visits.get(assignmentId)?.get(month)`).
 */
export function gradeInputsOf(
  memberIds: readonly number[],
  year: number,
  lastMonth: number,
  pledges: ReadonlyMap<number, PledgeCounts>,
  assignments: readonly AssessedAssignment[],
  visits: ReadonlyMap<number, ReadonlyMap<number, number>>,
): Map<number, GradeInputs> {
  const inputs = new Map<number, GradeInputs>(
    memberIds.map((id) => [
      id,
      { pledges: 0, confirmed: 0, rejected: 0, monthsAssessed: 0, monthsCompliant: 0, ...pledges.get(id) },
    ]),
  );
  for (const assignment of assignments) {
    const target = inputs.get(assignment.memberId);
    if (!target) continue;
    for (const month of monthsRunning(assignment, year, lastMonth)) {
      target.monthsAssessed += 1;
      if ((visits.get(assignment.id)?.get(month) ?? 0) >= assignment.minVisitsPerMonth)
        target.monthsCompliant += 1;
    }
  }
  return inputs;
}

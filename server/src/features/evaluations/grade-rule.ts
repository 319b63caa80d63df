import { Grade } from "./evaluation.enums";

/** What the proposed grade is computed from: one member's year. */
export interface GradeInputs {
  /** Pledges of the year, withdrawn ones left out. */
  pledges: number;
  confirmed: number;
  /** Pledges rejected at least once in the year (a later confirmation does not erase it). */
  rejected: number;
  /** Months of the year assessed for the visit rule (months the member was assigned); 0 when no rule applies. */
  monthsAssessed: number;
  /** Of those, months with at least the directive's minimum of visits. */
  monthsCompliant: number;
}

/**
 * The proposed grade (đề xuất xếp loại). The committee sets the final grade; this only proposes it:
 * - EXCELLENT: at least 2 pledges, all confirmed, none rejected, compliant in at least 90% of assessed months;
 * - GOOD: at least 75% confirmed, at most 1 rejected, compliant in at least 75% of months;
 * - COMPLETED: at least 50% confirmed, compliant in at least 50% of months;
 * - NOT_COMPLETED: anything less, or no pledge at all.
 * Without a visit rule (monthsAssessed = 0) the compliance condition holds.
 */
export function proposeGrade(input: GradeInputs): Grade {
  if (input.pledges <= 0) return Grade.NOT_COMPLETED;
  const confirmedShare = input.confirmed / input.pledges;
  const compliance = input.monthsAssessed === 0 ? 1 : input.monthsCompliant / input.monthsAssessed;
  if (input.pledges >= 2 && confirmedShare === 1 && input.rejected === 0 && compliance >= 0.9)
    return Grade.EXCELLENT;
  if (confirmedShare >= 0.75 && input.rejected <= 1 && compliance >= 0.75) return Grade.GOOD;
  if (confirmedShare >= 0.5 && compliance >= 0.5) return Grade.COMPLETED;
  return Grade.NOT_COMPLETED;
}

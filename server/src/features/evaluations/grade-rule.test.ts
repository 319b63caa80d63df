import { Grade } from "./evaluation.enums";
import { proposeGrade, type GradeInputs } from "./grade-rule";

const year = (over: Partial<GradeInputs>): GradeInputs => ({
  pledges: 4,
  confirmed: 4,
  rejected: 0,
  monthsAssessed: 12,
  monthsCompliant: 12,
  ...over,
});

describe("proposeGrade", () => {
  it.each<[string, Partial<GradeInputs>, Grade]>([
    ["all confirmed, every month compliant", {}, Grade.EXCELLENT],
    ["compliant in 11 of 12 months (92%)", { monthsCompliant: 11 }, Grade.EXCELLENT],
    ["compliant in 10 of 12 months (83%)", { monthsCompliant: 10 }, Grade.GOOD],
    ["a single pledge, even confirmed, is not excellent", { pledges: 1, confirmed: 1 }, Grade.GOOD],
    ["one rejection bars excellent", { rejected: 1, confirmed: 4 }, Grade.GOOD],
    ["3 of 4 confirmed (75%)", { confirmed: 3 }, Grade.GOOD],
    ["two rejections bar good", { confirmed: 4, rejected: 2 }, Grade.COMPLETED],
    ["2 of 4 confirmed (50%)", { confirmed: 2 }, Grade.COMPLETED],
    ["1 of 4 confirmed", { confirmed: 1 }, Grade.NOT_COMPLETED],
    ["compliant in 5 of 12 months", { monthsCompliant: 5 }, Grade.NOT_COMPLETED],
    ["no pledge at all", { pledges: 0, confirmed: 0 }, Grade.NOT_COMPLETED],
    ["no visit rule: compliance does not count", { monthsAssessed: 0, monthsCompliant: 0 }, Grade.EXCELLENT],
    // Boundaries: each threshold is inclusive.
    [
      "2 pledges, both confirmed, is the least that is excellent",
      { pledges: 2, confirmed: 2 },
      Grade.EXCELLENT,
    ],
    [
      "compliant in exactly 90% of months (9 of 10)",
      { monthsAssessed: 10, monthsCompliant: 9 },
      Grade.EXCELLENT,
    ],
    ["compliant in exactly 75% of months (9 of 12)", { monthsCompliant: 9 }, Grade.GOOD],
    ["compliant in 8 of 12 months (67%)", { monthsCompliant: 8 }, Grade.COMPLETED],
    ["compliant in exactly 50% of months (6 of 12)", { monthsCompliant: 6 }, Grade.COMPLETED],
    ["exactly 50% confirmed (1 of 2)", { pledges: 2, confirmed: 1 }, Grade.COMPLETED],
    [
      "no visit rule does not lift unconfirmed work",
      { confirmed: 1, monthsAssessed: 0, monthsCompliant: 0 },
      Grade.NOT_COMPLETED,
    ],
    [
      "a rejected pledge confirmed later still counts once against excellent",
      { confirmed: 4, rejected: 1, monthsCompliant: 12 },
      Grade.GOOD,
    ],
  ])("%s → %s", (_label, over, grade) => expect(proposeGrade(year(over))).toBe(grade));
});

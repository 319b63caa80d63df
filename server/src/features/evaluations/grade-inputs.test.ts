import { gradeInputsOf, lastEndedMonth, monthsRunning, type AssessedAssignment } from "./grade-inputs";

describe("lastEndedMonth", () => {
  it.each<[string, number, string, number]>([
    ["a past year: all 12 months", 2016, "2025-03-10", 12],
    ["the current year: up to last month", 2016, "2016-09-17", 8],
    ["January of the current year: no month has ended", 2016, "2016-01-31", 0],
    ["the last day of the year: December is still running", 2016, "2016-12-31", 11],
    ["a future year: none", 2017, "2016-09-17", 0],
  ])("%s", (_label, year, today, month) => expect(lastEndedMonth(year, today)).toBe(month));
});

describe("monthsRunning", () => {
  it("counts every month an open-ended assignment ran", () => {
    expect(monthsRunning({ startsOn: "2015-10-01", endsOn: null }, 2016, 12)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
  });

  it("counts a month in which the assignment ran a single day, at either end", () => {
    expect(monthsRunning({ startsOn: "2016-03-31", endsOn: "2016-06-01" }, 2016, 12)).toEqual([3, 4, 5, 6]);
  });

  it("stops at the last ended month", () => {
    expect(monthsRunning({ startsOn: "2013-01-01", endsOn: null }, 2016, 8)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it("counts nothing for an assignment that ended before the year", () => {
    expect(monthsRunning({ startsOn: "2010-10-01", endsOn: "2015-09-30" }, 2016, 12)).toEqual([]);
  });

  it("handles February of a leap year", () => {
    expect(monthsRunning({ startsOn: "2016-02-29", endsOn: "2016-02-29" }, 2016, 12)).toEqual([2]);
  });
});

describe("gradeInputsOf", () => {
  const assignment = (over: Partial<AssessedAssignment>): AssessedAssignment => ({
    id: 1,
    memberId: 7,
    startsOn: "2015-10-01",
    endsOn: null,
    minVisitsPerMonth: 2,
    ...over,
  });

  it("gives a member with nothing recorded zeros, not a missing entry", () => {
    expect(gradeInputsOf([7], 2016, 12, new Map(), [], new Map()).get(7)).toEqual({
      pledges: 0,
      confirmed: 0,
      rejected: 0,
      monthsAssessed: 0,
      monthsCompliant: 0,
    });
  });

  it("assesses each assignment of a member who directs two cells, month by month against its minimum", () => {
    const visits = new Map([
      [
        1,
        new Map([
          [1, 2],
          [2, 1],
          [3, 5],
        ]),
      ],
      [
        2,
        new Map([
          [1, 3],
          [3, 3],
        ]),
      ],
    ]);
    const inputs = gradeInputsOf(
      [7],
      2016,
      3,
      new Map([[7, { pledges: 3, confirmed: 2, rejected: 1 }]]),
      [assignment({ id: 1 }), assignment({ id: 2, minVisitsPerMonth: 3 })],
      visits,
    );
    // Assignment 1: Jan 2 ≥ 2, Feb 1 < 2, Mar 5 ≥ 2; assignment 2: Jan 3 ≥ 3, Feb none, Mar 3 ≥ 3.
    expect(inputs.get(7)).toEqual({
      pledges: 3,
      confirmed: 2,
      rejected: 1,
      monthsAssessed: 6,
      monthsCompliant: 4,
    });
  });

  it("ignores assignments of members not asked for", () => {
    const inputs = gradeInputsOf([7], 2016, 12, new Map(), [assignment({ memberId: 8 })], new Map());
    expect(inputs.get(7)?.monthsAssessed).toBe(0);
    expect(inputs.has(8)).toBe(false);
  });
});

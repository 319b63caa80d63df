import { complianceTotals, monthlyCompliance, MONTH_KEYS } from "./compliance";

const none = Object.fromEntries(MONTH_KEYS.map((key) => [key, null])) as Record<
  (typeof MONTH_KEYS)[number],
  null
>;
const visit = (visitedOn: string) => ({
  id: visitedOn,
  visitedOn,
  kind: "CELL_MEETING" as const,
  note: null,
});

describe("monthlyCompliance", () => {
  it("takes the server's assessment where the directive sets a minimum", () => {
    const months = monthlyCompliance(
      {
        ...none,
        m1: { month: 1, visits: 2, required: 2, compliant: true },
        m2: { month: 2, visits: 1, required: 2, compliant: false },
        startsOn: "2013-01-01",
        endsOn: null,
        visits: [],
        directive: { minVisitsPerMonth: 2 },
      },
      2016,
      "2016-09-17",
    );
    expect(months[0]).toEqual({ month: 1, visits: 2, required: 2, state: "compliant" });
    expect(months[1]).toEqual({ month: 2, visits: 1, required: 2, state: "below" });
    expect(complianceTotals(months)).toEqual({ compliant: 1, assessed: 2 });
  });

  it("counts the visits of months the directive does not assess", () => {
    const months = monthlyCompliance(
      {
        ...none,
        startsOn: "2015-10-01",
        endsOn: null,
        visits: [visit("2016-03-09"), visit("2016-03-21"), visit("2016-04-08")],
        directive: { minVisitsPerMonth: null },
      },
      2016,
      "2016-09-17",
    );
    expect(months[2]).toEqual({ month: 3, visits: 2, required: null, state: "notAssessed" });
    expect(months[3].visits).toBe(1);
    expect(complianceTotals(months)).toEqual({ compliant: 0, assessed: 0 });
  });

  it("marks months before the assignment and months not begun", () => {
    const months = monthlyCompliance(
      { ...none, startsOn: "2016-03-15", endsOn: null, visits: [], directive: { minVisitsPerMonth: null } },
      2016,
      "2016-09-17",
    );
    expect(months[1].state).toBe("notRunning");
    expect(months[2].state).toBe("notAssessed");
    expect(months[8].state).toBe("notAssessed");
    expect(months[9].state).toBe("upcoming");
  });
});

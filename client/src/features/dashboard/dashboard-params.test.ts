import { dashboardSearch, defaultMonth, readDashboardParams, yearChoices } from "./dashboard-params";

describe("the dashboard's address", () => {
  it("defaults to the user's unit, the default year, the server's month and no presentation", () => {
    expect(readDashboardParams("", 2016, 2026)).toEqual({
      unit: null,
      year: 2016,
      month: null,
      present: false,
    });
  });

  it("reads a monitor's address", () => {
    expect(readDashboardParams("?unit=925.02&year=2015&month=9&present=1", 2016, 2026)).toEqual({
      unit: "925.02",
      year: 2015,
      month: 9,
      present: true,
    });
  });

  it("ignores values that cannot be right", () => {
    expect(readDashboardParams("?unit=<script>&year=1900&month=13", 2016, 2026)).toEqual({
      unit: null,
      year: 2016,
      month: null,
      present: false,
    });
    expect(readDashboardParams("?year=2030", 2016, 2026).year).toBe(2016);
  });

  it("writes only what differs from the defaults, and reads back what it wrote", () => {
    expect(dashboardSearch({ unit: null, year: 2016, month: null, present: false }, 2016)).toBe("");
    const params = { unit: "925", year: 2015, month: 12, present: true };
    const search = dashboardSearch(params, 2016);
    expect(search).toBe("?unit=925&year=2015&month=12&present=1");
    expect(readDashboardParams(search, 2016, 2026)).toEqual(params);
  });

  it("offers the years from the latest back to 2010", () => {
    const years = yearChoices(2026);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2010);
    expect(years).toContain(2016);
  });
});

describe("defaultMonth", () => {
  it("takes the month of the latest visit of a past year", () => {
    expect(defaultMonth(2016, 2026, "2016-09-15")).toBe(9);
    expect(defaultMonth(2015, 2026, "2015-12-30")).toBe(12);
  });

  it("leaves this year to the server (this month)", () => {
    expect(defaultMonth(2026, 2026, "2026-03-02")).toBeNull();
  });

  it("leaves a year without visits, or a date outside it, to the server", () => {
    expect(defaultMonth(2016, 2026, null)).toBeNull();
    expect(defaultMonth(2016, 2026, "2017-01-03")).toBeNull();
  });
});

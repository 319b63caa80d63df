/**
 * What the dashboard shows, kept in the address so that a meeting-room monitor can be pointed at
 * `/dashboard?unit=925&year=2016&present=1` and a reload shows the same thing.
 */
export interface DashboardParams {
  /** Unit code; null: the signed-in user's own unit. */
  unit: string | null;
  year: number;
  /** Month for visit compliance; null: the server's default (this month, or December of a past year). */
  month: number | null;
  /** Full-screen presentation for monitors. */
  present: boolean;
}

export const FIRST_YEAR = 2010;

const UNIT_CODE = /^\d+(\.\d+)*$/;

function integerIn(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

export function readDashboardParams(search: string, defaultYear: number, lastYear: number): DashboardParams {
  const params = new URLSearchParams(search);
  const unit = params.get("unit");
  return {
    unit: unit && UNIT_CODE.test(unit) ? unit : null,
    year: integerIn(params.get("year"), FIRST_YEAR, lastYear) ?? defaultYear,
    month: integerIn(params.get("month"), 1, 12),
    present: params.get("present") === "1",
  };
}

/** The query string for these parameters (defaults left out), with a leading "?" or empty. */
export function dashboardSearch(params: DashboardParams, defaultYear: number): string {
  const search = new URLSearchParams();
  if (params.unit) search.set("unit", params.unit);
  if (params.year !== defaultYear) search.set("year", String(params.year));
  if (params.month !== null) search.set("month", String(params.month));
  if (params.present) search.set("present", "1");
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The years a user may pick, latest first. */
export function yearChoices(lastYear: number): number[] {
  const years: number[] = [];
  for (let year = lastYear; year >= FIRST_YEAR; year -= 1) years.push(year);
  return years;
}

/**
 * The month whose visit compliance the dashboard shows when none is chosen: this month for the current year
 * (null: the server's default); for a past year the month of its latest visit, since the server's default,
 * December, often has no data yet (the demo's 2016 ends in September); null when the year has no visit.
 */
export function defaultMonth(year: number, currentYear: number, latestVisitOn: string | null): number | null {
  if (year >= currentYear || !latestVisitOn) return null;
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(latestVisitOn);
  return match && Number(match[1]) === year ? Number(match[2]) : null;
}

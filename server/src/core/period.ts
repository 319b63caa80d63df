import { badInput } from "./errors";
import { toDateString } from "./scalars";

/** A closed range of days, as `YYYY-MM-DD` strings. */
export interface Period {
  from: string;
  to: string;
}

export function yearPeriod(year: number): Period {
  if (!Number.isInteger(year) || year < 1945 || year > 2100)
    throw badInput(`year must be between 1945 and 2100; got ${year}.`);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function monthPeriod(year: number, month: number): Period {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw badInput(`month must be between 1 and 12; got ${month}.`);
  yearPeriod(year);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}` };
}

/** The period named by `year` or `activeOn` (one day); null when neither is given. */
export function periodOf(args: { year?: number | null; activeOn?: Date | string | null }): Period | null {
  if (args.year != null && args.activeOn != null) throw badInput("Give `year` or `activeOn`, not both.");
  if (args.year != null) return yearPeriod(args.year);
  if (args.activeOn != null) {
    const day = toDateString(args.activeOn);
    return { from: day, to: day };
  }
  return null;
}

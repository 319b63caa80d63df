import dayjs from "dayjs";
import localizedFormat from "dayjs/plugin/localizedFormat";
import "dayjs/locale/vi";
import type { Locale } from "./translate";

dayjs.extend(localizedFormat);

// en-GB rather than en-US: day-month order and 24-hour times read closer to the Vietnamese originals.
const INTL_LOCALE: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(value);
}

/** A share from 0 to 1 as a percentage; an em dash when there is none (e.g. no pledges yet). */
export function formatPercent(locale: Locale, share: number | null | undefined): string {
  if (share === null || share === undefined) return "—";
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: 1 }).format(
    share,
  );
}

/** A long date with the weekday, e.g. "Thứ ba, 25 tháng 11 năm 2025". */
export function formatLongDate(locale: Locale, date: Date | string): string {
  const formatted = dayjs(date).locale(locale).format("dddd, LL");
  return formatted.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + formatted.slice(1);
}

/** A moment as the date and time of day, e.g. "25/11/2026 19:00"; an em dash when there is none. */
export function formatTimestamp(locale: Locale, value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "short", timeStyle: "short" }).format(
    date,
  );
}

/** The time of day with seconds, e.g. "19:00:56", for "updated at" labels. */
export function formatClock(locale: Locale, value: string | Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeStyle: "medium" }).format(new Date(value));
}

/** A day (`2016-09-17`, or the day of a date-time) as dd/mm/yyyy; an em dash when there is none. */
export function formatDay(locale: Locale, value: string | null | undefined): string {
  if (!value) return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // A plain day is read as that day wherever the browser is; a date-time as its local day.
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(date);
}

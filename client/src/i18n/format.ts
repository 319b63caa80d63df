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

import { Select } from "antd";
import { useI18n } from "../i18n/context";

/** The years the app offers: from the first term in the demo data to the current year. */
export function selectableYears(now: Date = new Date(), from = 2010): number[] {
  const years: number[] = [];
  for (let year = now.getFullYear(); year >= from; year -= 1) years.push(year);
  return years;
}

export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  return (
    <Select<number>
      aria-label={t("common.year")}
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={selectableYears().map((year) => ({ value: year, label: t("common.yearN", { year }) }))}
    />
  );
}

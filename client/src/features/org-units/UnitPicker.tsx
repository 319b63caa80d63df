import { useQuery } from "@apollo/client/react";
import { Select } from "antd";
import { useState } from "react";
import { UnitLabelDocument, UnitOptionsDocument, type UnitLevel } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { useDebouncedValue } from "../../shared/useDebouncedValue";
import { searchText } from "./unit-tree";

/** Without a search, the picker lists the committees' levels (cells are many: they are found by name). */
const COMMITTEE_LEVELS: UnitLevel[] = ["CITY", "DISTRICT", "COMMUNE"];

/**
 * A unit chosen from the subtree of `under` (itself included), in tree order, found by typing words of its
 * name, diacritics optional; the value is the unit's code. Used as a form control (value/onChange).
 */
export function UnitPicker({
  under,
  levels,
  value,
  onChange,
  placeholder,
  ariaLabel,
  id,
}: {
  under: string;
  levels?: UnitLevel[];
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  ariaLabel?: string;
  /** Set by Form.Item, so its label names the control. */
  id?: string;
}) {
  const { t } = useI18n();
  const [input, setInput] = useState("");
  const search = searchText(useDebouncedValue(input, 300));
  const { data, previousData, loading } = useQuery(UnitOptionsDocument, {
    variables: { under, search, levels: levels ?? (search ? null : COMMITTEE_LEVELS) },
  });
  const units = (data ?? previousData)?.orgUnits.nodes ?? [];
  const listed = value === undefined || units.some((unit) => unit.code === value);
  const label = useQuery(UnitLabelDocument, { variables: { code: value ?? "" }, skip: listed });
  const shown = !listed && label.data ? [label.data.orgUnit, ...units] : units;

  return (
    <Select<string>
      id={id}
      showSearch
      allowClear
      aria-label={ariaLabel}
      value={value}
      onChange={(code) => onChange?.(code)}
      onSearch={setInput}
      filterOption={false}
      loading={loading}
      placeholder={placeholder ?? t("unitPicker.placeholder")}
      notFoundContent={loading ? t("common.loading") : t("unitPicker.none")}
      options={shown.map((unit) => ({
        value: unit.code,
        label: `${t(`unitTitle.${unit.kind}`, { name: unit.name })} (${unit.code})`,
      }))}
      style={{ width: "100%" }}
    />
  );
}

import { useQuery } from "@apollo/client/react";
import { Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/context";
import { useDebouncedValue } from "../../shared/useDebouncedValue";
import { searchText } from "../org-units/unit-tree";
import { MEMBER_OPTIONS_QUERY } from "./assignments.query";

/**
 * A member of the committee's subtree, found by typing words of their name or their code (diacritics
 * optional); the value is the member's ID. A form control (value/onChange).
 */
export function MemberPicker({
  under,
  value,
  onChange,
  id,
}: {
  under: string;
  value?: string;
  onChange?: (member: string | undefined) => void;
  /** Set by Form.Item, so its label names the control. */
  id?: string;
}) {
  const { t } = useI18n();
  const [input, setInput] = useState("");
  const search = searchText(useDebouncedValue(input, 300));
  const { data, previousData, loading } = useQuery(MEMBER_OPTIONS_QUERY, {
    variables: { under, search: search || null },
  });
  const members = (data ?? previousData)?.members.nodes ?? [];
  return (
    <Select<string>
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={(member) => onChange?.(member)}
      onSearch={setInput}
      filterOption={false}
      loading={loading}
      placeholder={t("assignments.memberPlaceholder")}
      notFoundContent={loading ? t("common.loading") : t("assignments.noMember")}
      options={members.map((member) => ({
        value: member.id,
        label: `${member.fullName} (${member.code}) · ${member.homeUnit.name}`,
      }))}
    />
  );
}

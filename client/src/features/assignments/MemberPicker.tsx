import { useQuery } from "@apollo/client/react";
import { Select } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/context";
import { useDebouncedValue } from "../../shared/useDebouncedValue";
import { searchText } from "../org-units/unit-tree";
import { MEMBER_OPTIONS_QUERY } from "./assignments.query";

type Props = {
  under: string;
  /** Set by Form.Item, so its label names the control. */
  id?: string;
} & (
  | { multiple?: false; value?: string; onChange?: (member: string | undefined) => void }
  | { multiple: true; value?: string[]; onChange?: (members: string[]) => void }
);

/**
 * A member of the committee's subtree (or several, with `multiple`), found by typing words of their name or
 * their code (diacritics optional); the value is the member's ID. A form control (value/onChange).
 */
export function MemberPicker(props: Props) {
  const { under, id } = props;
  const { t } = useI18n();
  const [input, setInput] = useState("");
  const search = searchText(useDebouncedValue(input, 300));
  const { data, previousData, loading } = useQuery(MEMBER_OPTIONS_QUERY, {
    variables: { under, search: search || null },
  });
  const members = (data ?? previousData)?.members.nodes ?? [];
  // Chosen members stay labelled while a search lists others.
  const [known, setKnown] = useState(new Map<string, string>());
  const label = (member: (typeof members)[number]) =>
    `${member.fullName} (${member.code}) · ${member.homeUnit.name}`;
  const listed = new Map(members.map((member) => [member.id, label(member)]));
  const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const options = [
    ...chosen
      .filter((member) => !listed.has(member) && known.has(member))
      .map((member) => [member, known.get(member)!] as const),
    ...listed,
  ].map(([value, text]) => ({ value, label: text }));
  const remember = (ids: string[]) =>
    setKnown((current) => {
      const next = new Map(current);
      for (const member of ids) if (listed.has(member)) next.set(member, listed.get(member)!);
      return next;
    });
  return (
    <Select<string | string[]>
      id={id}
      showSearch
      allowClear
      mode={props.multiple ? "multiple" : undefined}
      value={props.value}
      onChange={(value) => {
        if (props.multiple) {
          const ids = (value as string[] | undefined) ?? [];
          remember(ids);
          props.onChange?.(ids);
        } else {
          const member = value as string | undefined;
          if (member) remember([member]);
          props.onChange?.(member);
        }
      }}
      onSearch={setInput}
      filterOption={false}
      loading={loading}
      placeholder={t("assignments.memberPlaceholder")}
      notFoundContent={loading ? t("common.loading") : t("assignments.noMember")}
      options={options}
    />
  );
}

import { Tag } from "antd";
import type { UnitKind } from "../apollo/schema-types";
import { useI18n } from "../i18n/context";

const COLORS: Partial<Record<UnitKind, string>> = {
  URBAN_DISTRICT: "blue",
  RURAL_DISTRICT: "green",
  WARD: "geekblue",
  COMMUNE: "lime",
  TOWNSHIP: "gold",
};

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const { t } = useI18n();
  return <Tag color={COLORS[kind]}>{t(`kind.${kind}`)}</Tag>;
}

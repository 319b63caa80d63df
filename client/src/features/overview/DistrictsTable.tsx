import { Card, Table } from "antd";
import type { UnitKind } from "../../apollo/schema-types";
import { useI18n } from "../../i18n/context";
import { UnitKindTag } from "../../shared/UnitKindTag";
import { childrenTitleKey } from "./overview-scope";

interface District {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** The units directly below the overview's unit: the districts of the city, the communes of a district… */
export function DistrictsTable({ parentKind, districts }: { parentKind: UnitKind; districts: District[] }) {
  const { t } = useI18n();
  return (
    <Card title={t(childrenTitleKey(parentKind))} extra={districts.length}>
      <Table<District>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={districts}
        columns={[
          { key: "name", title: t("common.name"), dataIndex: "name" },
          {
            key: "kind",
            title: t("common.kind"),
            dataIndex: "kind",
            render: (kind: UnitKind) => <UnitKindTag kind={kind} />,
          },
          { key: "code", title: t("common.code"), dataIndex: "code", width: 80 },
        ]}
      />
    </Card>
  );
}

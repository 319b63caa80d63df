import { useQuery } from "@apollo/client/react";
import { Card, Flex, Table, Typography } from "antd";
import type { UnitKind } from "../../apollo/schema-types";
import { CITY_CODE } from "../../app/scope";
import { useI18n } from "../../i18n/context";
import { Loading } from "../../shared/Loading";
import { QueryFailure } from "../../shared/QueryFailure";
import { UnitKindTag } from "../../shared/UnitKindTag";
import { UNIT_TREE_QUERY } from "./org-units.query";
import { toUnitRows, type UnitRow } from "./unit-rows";

/** Đơn vị: the districts and, unfolded, the communes of each. */
export function UnitsPage() {
  const { t } = useI18n();
  const { data, error, loading, refetch } = useQuery(UNIT_TREE_QUERY, { variables: { code: CITY_CODE } });

  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;

  const { orgUnit } = data;
  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {t("units.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("units.subtitle", { name: orgUnit.name })}</Typography.Text>
      </div>
      <Card>
        <Table<UnitRow>
          size="small"
          pagination={false}
          dataSource={toUnitRows(orgUnit.children)}
          columns={[
            {
              key: "name",
              title: t("common.name"),
              dataIndex: "name",
              render: (name: string, row) =>
                row.children ? (
                  <>
                    <Typography.Text strong>{name}</Typography.Text>{" "}
                    <Typography.Text type="secondary">
                      · {t("units.childCount", { count: row.children.length })}
                    </Typography.Text>
                  </>
                ) : (
                  name
                ),
            },
            {
              key: "kind",
              title: t("common.kind"),
              dataIndex: "kind",
              render: (kind: UnitKind) => <UnitKindTag kind={kind} />,
            },
            { key: "code", title: t("common.code"), dataIndex: "code", width: 120 },
          ]}
        />
      </Card>
    </Flex>
  );
}

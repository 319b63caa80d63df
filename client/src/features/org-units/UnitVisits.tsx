import { Empty, Table, Typography } from "antd";
import type { UnitPageQuery, VisitKind } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/format";

type Assignment = NonNullable<UnitPageQuery["orgUnit"]["assignments"]>[number];

export interface UnitVisit {
  id: string;
  visitedOn: string;
  kind: VisitKind;
  note: string | null;
  memberName: string;
}

/** Every visit of the unit's directing members, latest first. */
export function visitsOf(assignments: readonly Assignment[]): UnitVisit[] {
  return assignments
    .flatMap((assignment) =>
      assignment.visits.map((visit) => ({ ...visit, memberName: assignment.member.fullName })),
    )
    .sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || a.id.localeCompare(b.id));
}

/** Về cơ sở: the directing members' visits to the unit in the year. */
export function UnitVisits({ visits }: { visits: readonly UnitVisit[] }) {
  const { locale, t } = useI18n();
  if (visits.length === 0) return <Empty description={t("units.visits.none")} />;
  return (
    <Table<UnitVisit>
      size="small"
      rowKey="id"
      dataSource={[...visits]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
      columns={[
        {
          key: "visitedOn",
          title: t("units.visits.date"),
          dataIndex: "visitedOn",
          render: (day: string) => formatDay(locale, day),
          width: 110,
        },
        { key: "member", title: t("units.visits.member"), dataIndex: "memberName" },
        {
          key: "kind",
          title: t("units.visits.kind"),
          dataIndex: "kind",
          render: (kind: VisitKind) => t(`visitKind.${kind}`),
        },
        {
          key: "note",
          title: t("units.visits.note"),
          dataIndex: "note",
          responsive: ["md"],
          render: (note: string | null) => note ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
      ]}
    />
  );
}

import { Empty, Flex, Grid, Table, Typography } from "antd";
import type { PledgeStatus, UnitKind, UnitPledgeFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay, formatNumber } from "../../i18n/format";
import { PledgeStatusTag } from "../../shared/StatusTags";
import { ExportButton } from "../exports/ExportButton";
import { fileSlug } from "../exports/workbook";
import { unitPledgesSheet } from "./unit-pledges-export";

type Pledge = UnitPledgeFieldsFragment;

/** Phần việc: the year's pledges for the unit, their status as coloured tags, and the Excel export. */
export function UnitPledges({
  unit,
  year,
  pledges,
}: {
  unit: { code: string; name: string; kind: UnitKind };
  year: number;
  pledges: readonly Pledge[];
}) {
  const { locale, t } = useI18n();
  // On a phone the status goes under the title: a second column would be scrolled out of sight.
  const wide = Grid.useBreakpoint().md !== false;
  const quantity = (value: number | null, unitName: string | null) =>
    value === null ? "—" : `${formatNumber(locale, value)}${unitName ? ` ${unitName}` : ""}`;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Text type="secondary">{t("units.pledges.caption", { year })}</Typography.Text>
        <ExportButton
          disabled={pledges.length === 0}
          fileName={fileSlug("phan-viec", unit.code, year)}
          sheets={() => [unitPledgesSheet(unit, year, pledges)]}
        />
      </Flex>
      {pledges.length === 0 ? (
        <Empty description={t("units.pledges.none", { year })} />
      ) : (
        <Table<Pledge>
          size="small"
          rowKey="id"
          dataSource={[...pledges]}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={wide ? { x: "max-content" } : undefined}
          expandable={{
            rowExpandable: (pledge) =>
              Boolean(pledge.reportNote || pledge.rejectionReason || pledge.decidedBy),
            expandedRowRender: (pledge) => <PledgeOutcome pledge={pledge} />,
          }}
          columns={[
            {
              key: "title",
              title: t("pledge.title"),
              render: (_: unknown, pledge) => (
                <Flex vertical gap={2} style={{ maxWidth: 420, whiteSpace: "normal" }}>
                  <Typography.Text>{pledge.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`pledgeCategory.${pledge.category}`)}
                    {pledge.ntmCriterion &&
                      ` · ${t("pledge.criterion", { number: pledge.ntmCriterion.number, name: pledge.ntmCriterion.name })}`}
                  </Typography.Text>
                  {!wide && (
                    <Flex gap="small" wrap align="center">
                      <PledgeStatusTag status={pledge.status} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {pledge.member.fullName} · {quantity(pledge.targetQuantity, pledge.targetUnit)}
                      </Typography.Text>
                    </Flex>
                  )}
                </Flex>
              ),
            },
            {
              key: "status",
              title: t("pledge.status"),
              dataIndex: "status",
              responsive: ["md"],
              render: (status: PledgeStatus) => <PledgeStatusTag status={status} />,
              filters: [...new Set(pledges.map((p) => p.status))].map((status) => ({
                value: status,
                text: t(`pledgeStatus.${status}`),
              })),
              onFilter: (value, pledge) => pledge.status === value,
            },
            {
              key: "member",
              title: t("pledge.member"),
              responsive: ["md"],
              render: (_: unknown, pledge) => pledge.member.fullName,
            },
            {
              key: "target",
              title: t("pledge.target"),
              responsive: ["md"],
              render: (_: unknown, pledge) => quantity(pledge.targetQuantity, pledge.targetUnit),
            },
            {
              key: "achieved",
              title: t("pledge.achieved"),
              responsive: ["lg"],
              render: (_: unknown, pledge) => quantity(pledge.achievedQuantity, pledge.targetUnit),
            },
            {
              key: "dueOn",
              title: t("pledge.dueOn"),
              dataIndex: "dueOn",
              responsive: ["lg"],
              render: (day: string | null) => formatDay(locale, day),
            },
          ]}
        />
      )}
    </Flex>
  );
}

/** Under a pledge: the member's report, the confirming committee, or why it was not confirmed. */
function PledgeOutcome({ pledge }: { pledge: Pledge }) {
  const { locale, t } = useI18n();
  return (
    <Flex vertical gap={4} style={{ whiteSpace: "normal" }}>
      {pledge.reportNote && (
        <Typography.Text>{t("myWork.reported", { note: pledge.reportNote })}</Typography.Text>
      )}
      {pledge.status === "REJECTED" && pledge.rejectionReason && (
        <Typography.Text type="danger">
          {t("myWork.rejectedBecause", { reason: pledge.rejectionReason })}
        </Typography.Text>
      )}
      {pledge.status === "CONFIRMED" && pledge.decidedBy && (
        <Typography.Text type="success">
          {t("myWork.confirmedBy", {
            unit: t(`unitTitle.${pledge.decidedBy.kind}`, { name: pledge.decidedBy.name }),
            date: formatDay(locale, pledge.decidedAt),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}

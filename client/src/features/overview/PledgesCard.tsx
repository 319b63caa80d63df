import { Card, Col, Row, Statistic, Table, Typography } from "antd";
import { PLEDGE_STATUSES, type PledgeStatus } from "../../apollo/schema-types";
import { formatNumber, formatPercent } from "../../i18n/format";
import { useI18n } from "../../i18n/context";
import type { PeopleSummary } from "./overview.query";

type Summary = PeopleSummary & { year: number };
type StatusCount = Summary["pledgesByStatus"][number];

/** Statuses in lifecycle order, whatever order the API sends them in. */
function inLifecycleOrder(counts: StatusCount[]): StatusCount[] {
  return [...counts].sort((a, b) => PLEDGE_STATUSES.indexOf(a.status) - PLEDGE_STATUSES.indexOf(b.status));
}

export function PledgesCard({ summary }: { summary: Summary }) {
  const { locale, t } = useI18n();
  return (
    <Card title={`${t("overview.pledges")} ${summary.year}`} style={{ height: "100%" }}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Statistic
            title={t("overview.pledges.total")}
            value={summary.pledgeCount}
            formatter={(value) => formatNumber(locale, Number(value))}
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t("overview.pledges.confirmationRate")}
            value={formatPercent(locale, summary.confirmationRate)}
          />
        </Col>
      </Row>
      {summary.pledgesByStatus.length === 0 ? (
        <Typography.Text type="secondary">{t("overview.pledges.none")}</Typography.Text>
      ) : (
        <Table<StatusCount>
          rowKey="status"
          size="small"
          pagination={false}
          showHeader={false}
          dataSource={inLifecycleOrder(summary.pledgesByStatus)}
          columns={[
            {
              key: "status",
              dataIndex: "status",
              render: (status: PledgeStatus) => t(`pledgeStatus.${status}`),
            },
            {
              key: "count",
              dataIndex: "count",
              align: "right",
              render: (count: number) => formatNumber(locale, count),
            },
          ]}
        />
      )}
    </Card>
  );
}

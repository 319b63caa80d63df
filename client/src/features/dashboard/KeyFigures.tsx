import { Card, Col, Progress, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { formatNumber, formatPercent } from "../../i18n/format";
import { useI18n } from "../../i18n/context";
import type { DashboardFigures } from "./dashboard.query";

function Figure({
  title,
  value,
  note,
  testId,
  large,
}: {
  title: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
  large: boolean;
}) {
  return (
    <Card size="small" style={{ height: "100%" }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div
        data-testid={testId}
        style={{
          fontSize: large ? 44 : 28,
          lineHeight: 1.25,
          fontWeight: 600,
          fontVariantNumeric: "tabular-nums",
        }}
      >
        {value}
      </div>
      {note && <div style={{ marginTop: 4 }}>{note}</div>}
    </Card>
  );
}

/** The headline numbers: confirmed pledges, their share, all pledges, visit compliance, open concerns. */
export function KeyFigures({ figures, large }: { figures: DashboardFigures; large: boolean }) {
  const { locale, t } = useI18n();
  const number = (value: number) => formatNumber(locale, value);
  const { visitCompliance: visits } = figures;
  const visitShare = visits.assessed > 0 ? visits.compliant / visits.assessed : null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={8} xl={5}>
        <Figure
          large={large}
          testId="confirmed-count"
          title={t("dashboard.kpi.confirmed")}
          value={number(figures.confirmedCount)}
          note={
            <Typography.Text type="secondary">
              {t("dashboard.kpi.confirmedOf", { total: number(figures.pledgeCount) })}
            </Typography.Text>
          }
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          large={large}
          testId="confirmation-rate"
          title={t("dashboard.kpi.rate")}
          value={formatPercent(locale, figures.confirmationRate)}
          note={
            <Progress
              percent={(figures.confirmationRate ?? 0) * 100}
              showInfo={false}
              size="small"
              strokeColor="#52c41a"
              aria-hidden
            />
          }
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Figure
          large={large}
          testId="pledge-count"
          title={t("dashboard.kpi.pledges")}
          value={number(figures.pledgeCount)}
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Figure
          large={large}
          testId="visit-compliance"
          title={t("dashboard.kpi.visits", { month: figures.month, year: figures.year })}
          value={formatPercent(locale, visitShare)}
          note={
            <Typography.Text type="secondary">
              {visits.assessed > 0
                ? t("dashboard.kpi.visitsDetail", {
                    compliant: number(visits.compliant),
                    assessed: number(visits.assessed),
                  })
                : t("dashboard.kpi.visitsNone")}
            </Typography.Text>
          }
        />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Figure
          large={large}
          testId="open-concerns"
          title={t("dashboard.kpi.concerns")}
          value={number(figures.openConcerns)}
        />
      </Col>
    </Row>
  );
}

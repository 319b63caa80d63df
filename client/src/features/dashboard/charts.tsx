import { Empty, Typography } from "antd";
import { memo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { PLEDGE_STATUSES, type PledgeStatus } from "../../apollo/schema-types";
import { formatNumber, formatPercent } from "../../i18n/format";
import { useI18n } from "../../i18n/context";
import type { ChildRate, DashboardFigures } from "./dashboard.query";

/**
 * The dashboard's charts (recharts: SVG, so they stay sharp on a meeting-room screen). Animations are off:
 * a live figure should change when the data does, not a second later. Each chart also says its numbers in
 * text (labels on the bars, an accessible table-like description) so it is not only a picture.
 */

export const STATUS_COLORS: Record<PledgeStatus, string> = {
  REGISTERED: "#69b1ff",
  REPORTED: "#faad14",
  CONFIRMED: "#52c41a",
  REJECTED: "#ff4d4f",
  WITHDRAWN: "#bfbfbf",
};

const AXIS_TICK = { fontSize: 12 };

/** Re-renders only when what a chart draws changed: each live aggregate is a new object. */
const sameJson = <P,>(a: P, b: P) => JSON.stringify(a) === JSON.stringify(b);

type StatusCounts = DashboardFigures["pledgesByStatus"];

export const PledgeStatusChart = memo(function PledgeStatusChart({
  pledgesByStatus,
  height,
}: {
  pledgesByStatus: StatusCounts;
  height: number;
}) {
  const { locale, t } = useI18n();
  const counts = new Map(pledgesByStatus.map((entry) => [entry.status, entry.count]));
  const data = PLEDGE_STATUSES.map((status) => ({
    status,
    label: t(`pledgeStatus.${status}`),
    count: counts.get(status) ?? 0,
  }));
  if (data.every((entry) => entry.count === 0)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.byStatus.none")} />;
  }
  const description = data.map((entry) => `${entry.label}: ${formatNumber(locale, entry.count)}`).join("; ");
  return (
    <div role="img" aria-label={`${t("dashboard.byStatus")}. ${description}`} data-testid="status-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
          <YAxis type="category" dataKey="label" width={110} tick={AXIS_TICK} interval={0} />
          <Tooltip
            formatter={(value) => [formatNumber(locale, Number(value)), t("dashboard.byStatus.count")]}
          />
          <Bar dataKey="count" isAnimationActive={false} barSize={24}>
            {data.map((entry) => (
              <Cell key={entry.status} fill={STATUS_COLORS[entry.status]} />
            ))}
            <LabelList
              dataKey="count"
              position="right"
              formatter={(value) => formatNumber(locale, Number(value))}
              style={{ fontSize: 12 }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}, sameJson);

/** The confirmation rate of each unit below, as horizontal bars (names are long: Vietnamese, with kinds). */
export const ChildRatesChart = memo(function ChildRatesChart({ units }: { units: ChildRate[] }) {
  const { locale, t } = useI18n();
  if (units.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.rates.none")} />;
  }
  const data = units.map((child) => ({
    code: child.code,
    name: child.name,
    percent: (child.summary.confirmationRate ?? 0) * 100,
    rate: child.summary.confirmationRate,
    pledges: child.summary.pledgeCount,
  }));
  const label = (rate: number | null, pledges: number) =>
    pledges === 0
      ? t("dashboard.rates.noPledges")
      : t("dashboard.rates.value", {
          rate: formatPercent(locale, rate),
          count: formatNumber(locale, pledges),
        });
  const description = data.map((entry) => `${entry.name}: ${label(entry.rate, entry.pledges)}`).join("; ");
  return (
    <div role="img" aria-label={`${t("dashboard.rates")}. ${description}`} data-testid="rates-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 30 + 30)}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" tick={AXIS_TICK} />
          <YAxis type="category" dataKey="name" width={110} tick={AXIS_TICK} interval={0} />
          <Tooltip
            formatter={(_value, _name, item) => {
              const entry = item.payload as (typeof data)[number];
              return [label(entry.rate, entry.pledges), t("dashboard.kpi.rate")];
            }}
          />
          <Bar dataKey="percent" fill="#52c41a" isAnimationActive={false} barSize={18}>
            <LabelList
              dataKey="rate"
              position="right"
              formatter={(value) => formatPercent(locale, value === null ? null : Number(value))}
              style={{ fontSize: 12 }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});

/** How many communes meet each number of criteria, from the fewest met to all 19. */
export const CriteriaHistogram = memo(function CriteriaHistogram({
  histogram,
  height,
}: {
  histogram: DashboardFigures["ntm"]["communesByCriteriaMet"];
  height: number;
}) {
  const { locale, t } = useI18n();
  if (histogram.length === 0) {
    return <Typography.Text type="secondary">{t("dashboard.ntm.none")}</Typography.Text>;
  }
  const counts = new Map(histogram.map((bar) => [bar.criteriaMet, bar.communes]));
  const lowest = Math.min(...histogram.map((bar) => bar.criteriaMet));
  const data: { criteria: number; communes: number }[] = [];
  for (let criteria = lowest; criteria <= 19; criteria += 1) {
    data.push({ criteria, communes: counts.get(criteria) ?? 0 });
  }
  const description = histogram
    .map((bar) =>
      t("dashboard.ntm.bar", { criteria: bar.criteriaMet, communes: formatNumber(locale, bar.communes) }),
    )
    .join("; ");
  return (
    <div
      role="img"
      aria-label={`${t("dashboard.ntm.histogram")}. ${description}`}
      data-testid="ntm-histogram"
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 20, right: 8, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="criteria"
            tick={AXIS_TICK}
            interval={0}
            label={{
              value: t("dashboard.ntm.axisCriteria"),
              position: "insideBottom",
              offset: -10,
              fontSize: 12,
            }}
          />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={32} />
          <Tooltip
            labelFormatter={(criteria) => t("dashboard.ntm.criteriaMet", { count: String(criteria) })}
            formatter={(value) => [formatNumber(locale, Number(value)), t("dashboard.ntm.axisCommunes")]}
          />
          <Bar dataKey="communes" isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.criteria} fill={entry.criteria === 19 ? "#389e0d" : "#95de64"} />
            ))}
            <LabelList
              dataKey="communes"
              position="top"
              formatter={(value) => (Number(value) > 0 ? formatNumber(locale, Number(value)) : "")}
              style={{ fontSize: 12 }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}, sameJson);

import { FullscreenExitOutlined, FullscreenOutlined, LockOutlined } from "@ant-design/icons";
import { skipToken, useQuery } from "@apollo/client/react";
import { Alert, Button, Card, Col, Flex, Result, Row, Select, Skeleton, Typography } from "antd";
import { useCallback, type CSSProperties, type ReactNode } from "react";
import { classifyLiveFailure } from "../../apollo/live-hooks";
import { SUMMARY_YEAR } from "../../app/scope";
import { useAuth } from "../../auth/context";
import { useViewer } from "../../auth/useViewer";
import { useI18n } from "../../i18n/context";
import { describeFailure } from "../../i18n/describe-failure";
import { formatClock, formatNumber } from "../../i18n/format";
import { LiveBadge } from "../../shared/LiveIndicator";
import { Loading } from "../../shared/Loading";
import { QueryFailure } from "../../shared/QueryFailure";
import { ChildRatesChart, CriteriaHistogram, PledgeStatusChart } from "./charts";
import { ConfirmationFeed } from "./ConfirmationFeed";
import { defaultMonth, yearChoices, type DashboardParams } from "./dashboard-params";
import {
  DASHBOARD_SCOPE_QUERY,
  LATEST_VISIT_QUERY,
  type DashboardFigures,
  type UnitRef,
} from "./dashboard.query";
import { KeyFigures } from "./KeyFigures";
import { NtmMatrix } from "./NtmMatrix";
import { useDashboardData } from "./useDashboardData";
import { useDashboardParams } from "./useDashboardParams";
import { usePresentation } from "./usePresentation";

/**
 * Theo dõi trực tiếp: a unit's figures for a year, moving as changes commit (subscriptions, no reload), with
 * a full-screen mode for meeting-room monitors. Opens on the user's own unit (the city for city users).
 */
export function DashboardPage() {
  const { state } = useAuth();
  return state.session ? <SignedInDashboard /> : <SignInNeeded />;
}

function SignInNeeded() {
  const { t } = useI18n();
  const { openSignIn } = useAuth();
  return (
    <Result
      icon={<LockOutlined />}
      title={t("dashboard.signIn.title")}
      subTitle={t("dashboard.signIn.text")}
      extra={
        <Button type="primary" onClick={openSignIn}>
          {t("auth.signIn")}
        </Button>
      }
    />
  );
}

function SignedInDashboard() {
  const viewer = useViewer();
  const [params, setParams] = useDashboardParams(SUMMARY_YEAR, new Date().getFullYear());
  const viewerUnit = viewer.data?.viewer?.unit;
  if (viewer.error && !viewer.data) {
    return <QueryFailure error={viewer.error} onRetry={() => void viewer.refetch()} />;
  }
  if (!viewerUnit) return <Loading />;
  return (
    <Dashboard
      code={params.unit ?? viewerUnit.code}
      ownUnitCode={viewerUnit.code}
      params={params}
      setParams={setParams}
    />
  );
}

/**
 * The month for visit compliance: the one chosen, else for a past year the month of its latest visit (see
 * `defaultMonth`); undefined while that is being looked up.
 */
function useMonthShown(code: string, year: number, chosen: number | null): number | null | undefined {
  const currentYear = new Date().getFullYear();
  const lookUp = chosen === null && year < currentYear;
  const latest = useQuery(
    LATEST_VISIT_QUERY,
    lookUp ? { variables: { code, from: `${year}-01-01`, to: `${year}-12-31` } } : skipToken,
  );
  if (!lookUp) return chosen;
  if (latest.error) return null; // the server's default, rather than no dashboard
  if (!latest.data) return undefined;
  return defaultMonth(year, currentYear, latest.data.visits.nodes[0]?.visitedOn ?? null);
}

const presentingStyle: CSSProperties = {
  position: "fixed",
  inset: 0,
  zIndex: 1000,
  overflow: "auto",
  padding: 24,
  background: "#f5f5f5",
};

function Dashboard({
  code,
  ownUnitCode,
  params,
  setParams,
}: {
  code: string;
  ownUnitCode: string;
  params: DashboardParams;
  setParams: (change: Partial<DashboardParams>) => void;
}) {
  const { locale, t } = useI18n();
  const month = useMonthShown(code, params.year, params.month);
  const { live, figures, rates, matrix, matrixPages, feed } = useDashboardData(code, params.year, month);
  const scope = useQuery(DASHBOARD_SCOPE_QUERY, { variables: { code: ownUnitCode } });
  const setPresent = useCallback((present: boolean) => setParams({ present }), [setParams]);
  const presentation = usePresentation(params.present, setPresent);
  const large = params.present;

  const unitLabel = (unit: Pick<UnitRef, "kind" | "name">) =>
    t(`unitTitle.${unit.kind}`, { name: unit.name });
  const choices: UnitRef[] = scope.data ? [scope.data.orgUnit, ...scope.data.orgUnit.children] : [];
  if (!choices.some((unit) => unit.code === code)) {
    choices.push(figures?.unit.code === code ? figures.unit : { id: code, code, name: code, kind: "CITY" });
  }

  const toolbar = (
    <Flex wrap gap="small" align="center">
      {large ? (
        <LiveBadge status={live.status} />
      ) : (
        <>
          <Select<string>
            aria-label={t("dashboard.unit")}
            value={code}
            onChange={(unit) => setParams({ unit: unit === ownUnitCode ? null : unit })}
            options={choices.map((unit) => ({
              value: unit.code,
              label: unit.name === unit.code ? unit.code : unitLabel(unit),
            }))}
            showSearch={{ optionFilterProp: "label" }}
            style={{ width: 220, maxWidth: "100%" }}
            loading={scope.loading}
          />
          <Select<number>
            aria-label={t("dashboard.year")}
            value={params.year}
            onChange={(year) => setParams({ year, month: null })}
            options={yearChoices(new Date().getFullYear()).map((year) => ({
              value: year,
              label: String(year),
            }))}
            style={{ width: 96 }}
          />
          <Select<number>
            aria-label={t("dashboard.month")}
            value={params.month ?? figures?.month}
            placeholder={t("dashboard.month")}
            onChange={(month) => setParams({ month: month ?? null })}
            allowClear
            options={Array.from({ length: 12 }, (_, index) => ({
              value: index + 1,
              label: t("dashboard.monthOption", { month: index + 1 }),
            }))}
            style={{ width: 124 }}
          />
        </>
      )}
      <Button
        icon={large ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
        onClick={large ? presentation.exit : presentation.enter}
      >
        {t(large ? "dashboard.present.exit" : "dashboard.present")}
      </Button>
    </Flex>
  );

  const shown = figures?.unit ?? choices.find((unit) => unit.code === code);
  const header = (
    <Flex wrap gap="middle" align="end" justify="space-between">
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={large ? 1 : 2} style={{ marginBottom: 0 }}>
          {large && shown ? unitLabel(shown) : t("dashboard.title")}
        </Typography.Title>
        <Typography.Text type="secondary">
          {[
            !large && shown && unitLabel(shown),
            t("dashboard.yearLabel", { year: params.year }),
            figures && t("dashboard.updatedAt", { time: formatClock(locale, figures.computedAt) }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Typography.Text>
      </div>
      {toolbar}
    </Flex>
  );

  let body: ReactNode;
  if (figures) {
    body = (
      <DashboardBody
        figures={figures}
        code={code}
        large={large}
        rates={rates}
        matrix={matrix}
        matrixPages={matrixPages}
        feed={feed}
        year={params.year}
      />
    );
  } else if (live.error || live.status === "offline") {
    const { sentence, reference } = describeFailure(locale, classifyLiveFailure(live.error));
    body = (
      <Alert
        type="error"
        showIcon
        title={t("error.title")}
        description={reference ? `${sentence} ${reference}` : sentence}
        action={
          <Button size="small" onClick={live.retry}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  } else {
    body = <Loading />;
  }

  return (
    <div style={large ? presentingStyle : undefined} data-testid="dashboard" data-presenting={large}>
      <Flex vertical gap="large">
        {header}
        {figures && live.status === "offline" && (
          <Alert
            type="warning"
            showIcon
            title={t("dashboard.offline")}
            action={
              <Button size="small" onClick={live.retry}>
                {t("common.retry")}
              </Button>
            }
          />
        )}
        {body}
      </Flex>
    </div>
  );
}

function DashboardBody({
  figures,
  code,
  large,
  rates,
  matrix,
  matrixPages,
  feed,
  year,
}: { figures: DashboardFigures; code: string; large: boolean; year: number } & Pick<
  ReturnType<typeof useDashboardData>,
  "rates" | "matrix" | "matrixPages" | "feed"
>) {
  const { locale, t } = useI18n();
  const { ntm } = figures;
  const chartHeight = large ? 320 : 240;
  // Titles wrap rather than end in "…" on a phone.
  const cardStyles = { title: { whiteSpace: "normal" as const } };
  const outOf = (part: number, total: number) =>
    t("common.outOf", { part: formatNumber(locale, part), total: formatNumber(locale, total) });

  return (
    <Flex vertical gap="middle">
      {figures.unit.code !== code && (
        <Alert
          type="info"
          showIcon
          title={t("dashboard.covered", {
            unit: t(`unitTitle.${figures.unit.kind}`, { name: figures.unit.name }),
          })}
        />
      )}
      <KeyFigures figures={figures} large={large} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t("dashboard.byStatus")} styles={cardStyles} style={{ height: "100%" }}>
            <PledgeStatusChart pledgesByStatus={figures.pledgesByStatus} height={chartHeight} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("dashboard.rates")} styles={cardStyles} style={{ height: "100%" }}>
            {rates.dataState === "complete" ? (
              <ChildRatesChart units={rates.data.orgUnit.children} />
            ) : rates.error ? (
              <QueryFailure error={rates.error} onRetry={() => void rates.refetch()} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("dashboard.ntm")} styles={cardStyles} style={{ height: "100%" }}>
            {ntm.communeCount === 0 ? (
              <Typography.Text type="secondary">{t("dashboard.ntm.none")}</Typography.Text>
            ) : (
              <Flex vertical gap="middle">
                <Row gutter={16}>
                  <Col span={ntm.ruralDistrictCount > 0 ? 8 : 12}>
                    <MiniFigure
                      title={t("dashboard.ntm.recognised")}
                      value={outOf(ntm.communesRecognised, ntm.communeCount)}
                      testId="ntm-recognised"
                    />
                  </Col>
                  {ntm.ruralDistrictCount > 0 && (
                    <Col span={8}>
                      <MiniFigure
                        title={t("dashboard.ntm.districts")}
                        value={outOf(ntm.districtsRecognised, ntm.ruralDistrictCount)}
                        testId="ntm-districts"
                      />
                    </Col>
                  )}
                  <Col span={ntm.ruralDistrictCount > 0 ? 8 : 12}>
                    <MiniFigure
                      title={t("dashboard.ntm.average")}
                      value={
                        ntm.averageCriteriaMet === null ? "—" : formatNumber(locale, ntm.averageCriteriaMet)
                      }
                      testId="ntm-average"
                    />
                  </Col>
                </Row>
                <Typography.Text strong>{t("dashboard.ntm.histogram")}</Typography.Text>
                <CriteriaHistogram histogram={ntm.communesByCriteriaMet} height={chartHeight} />
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t("dashboard.feed")}
            extra={<LiveBadge status={feed.live.status} />}
            styles={cardStyles}
            style={{ height: "100%" }}
          >
            <ConfirmationFeed feed={feed} large={large} />
          </Card>
        </Col>
      </Row>
      <Card title={t("dashboard.matrix")} styles={cardStyles}>
        {matrix.dataState === "complete" || (matrix.previousData && !matrix.error) ? (
          <NtmMatrix
            data={(matrix.data ?? matrix.previousData)!}
            year={year}
            pages={matrixPages}
            loading={matrix.loading}
          />
        ) : matrix.error ? (
          <QueryFailure error={matrix.error} onRetry={() => void matrix.refetch()} />
        ) : (
          <Skeleton active />
        )}
      </Card>
    </Flex>
  );
}

function MiniFigure({ title, value, testId }: { title: string; value: string; testId: string }) {
  return (
    <Flex vertical>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <span
        data-testid={testId}
        style={{ fontSize: 22, fontWeight: 600, fontVariantNumeric: "tabular-nums" }}
      >
        {value}
      </span>
    </Flex>
  );
}

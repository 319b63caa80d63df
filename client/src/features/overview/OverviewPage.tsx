import { useQuery } from "@apollo/client/react";
import { Alert, Col, Flex, Row, Segmented, Spin, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useAuth } from "../../auth/context";
import { useViewer } from "../../auth/useViewer";
import { CITY_CODE, SUMMARY_YEAR } from "../../app/scope";
import { useI18n } from "../../i18n/context";
import { Loading } from "../../shared/Loading";
import { QueryFailure } from "../../shared/QueryFailure";
import { CellCoverageCard } from "./CellCoverageCard";
import { DistrictsTable } from "./DistrictsTable";
import { NtmCard } from "./NtmCard";
import { coverageOf, defaultOverviewUnit, overviewScopes } from "./overview-scope";
import { OVERVIEW_QUERY, PUBLIC_OVERVIEW_QUERY, type PublicOverviewData } from "./overview.query";
import { PledgesCard } from "./PledgesCard";
import { SignInPrompt } from "./SignInPrompt";

/**
 * Tổng quan: a unit's figures for the year at a glance. Anonymous visitors see the city's public part (units,
 * NTM) and a prompt to sign in; signed-in users start on their own unit, with its cells and pledges.
 */
export function OverviewPage() {
  const { state } = useAuth();
  return state.session ? <SignedInOverview /> : <PublicOverview />;
}

function PublicOverview() {
  const { data, error, loading, refetch } = useQuery(PUBLIC_OVERVIEW_QUERY, {
    variables: { code: CITY_CODE, year: SUMMARY_YEAR },
  });
  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  return <OverviewLayout unit={data.orgUnit} people={<SignInPrompt />} />;
}

function SignedInOverview() {
  const { t } = useI18n();
  const viewer = useViewer();
  const viewerUnit = viewer.data?.viewer?.unit;
  const [chosen, setChosen] = useState<string | null>(null);
  const code = chosen ?? defaultOverviewUnit(viewerUnit?.code, CITY_CODE);
  const overview = useQuery(OVERVIEW_QUERY, {
    variables: { code, year: SUMMARY_YEAR },
    skip: !viewer.data,
  });

  const error = viewer.error ?? overview.error;
  if (error && !viewer.loading && !overview.loading) {
    return (
      <QueryFailure
        error={error}
        onRetry={() => void (viewer.data ? overview.refetch() : viewer.refetch())}
      />
    );
  }
  // While another scope loads, keep showing the last one under a spinner rather than blanking the page.
  const data = overview.data ?? overview.previousData;
  if (!data) return <Loading />;

  const { orgUnit } = data;
  const { summary } = orgUnit;
  const coverage = coverageOf(orgUnit.code, summary.coveredUnit);
  const scopes = overviewScopes(viewerUnit, CITY_CODE);
  const scopeSwitch = scopes && (
    <Segmented<string>
      aria-label={t("overview.scope")}
      value={code}
      onChange={setChosen}
      options={[
        { value: scopes.city, label: t("overview.scope.city") },
        { value: scopes.own.code, label: t(`unitTitle.${scopes.own.kind}`, { name: scopes.own.name }) },
      ]}
    />
  );

  return (
    <Spin spinning={overview.loading}>
      <OverviewLayout
        unit={orgUnit}
        extra={scopeSwitch}
        people={
          <Flex vertical gap="middle">
            {coverage.kind === "partial" && (
              <Alert
                type="info"
                showIcon
                title={t("overview.coverage.partial", {
                  unit: t(`unitTitle.${coverage.unit.kind}`, { name: coverage.unit.name }),
                })}
              />
            )}
            {coverage.kind === "none" && (
              <Alert type="warning" showIcon title={t("overview.coverage.none")} />
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <CellCoverageCard cells={summary.cells} />
              </Col>
              <Col xs={24} xl={12}>
                <PledgesCard summary={summary} />
              </Col>
            </Row>
          </Flex>
        }
      />
    </Spin>
  );
}

/** The page's frame: title, the unit and year, the people part (cards or sign-in prompt), NTM and units below. */
function OverviewLayout({
  unit,
  extra,
  people,
}: {
  unit: PublicOverviewData["orgUnit"];
  extra?: ReactNode;
  people: ReactNode;
}) {
  const { t } = useI18n();
  const { summary } = unit;
  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="flex-end" gap="middle" wrap>
        <div>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {t("overview.title")}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t("overview.subtitle", {
              unit: t(`unitTitle.${unit.kind}`, { name: unit.name }),
              year: summary.year,
            })}
          </Typography.Text>
        </div>
        {extra}
      </Flex>
      {people}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <NtmCard ntm={summary.ntm} />
        </Col>
        <Col xs={24} xl={12}>
          <DistrictsTable parentKind={unit.kind} districts={unit.children} />
        </Col>
      </Row>
    </Flex>
  );
}

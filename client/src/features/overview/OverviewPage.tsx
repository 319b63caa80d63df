import { useQuery } from "@apollo/client/react";
import { Col, Flex, Row, Typography } from "antd";
import { CITY_CODE, SUMMARY_YEAR } from "../../app/scope";
import { useI18n } from "../../i18n/context";
import { Loading } from "../../shared/Loading";
import { QueryFailure } from "../../shared/QueryFailure";
import { CellCoverageCard } from "./CellCoverageCard";
import { DistrictsTable } from "./DistrictsTable";
import { NtmCard } from "./NtmCard";
import { OVERVIEW_QUERY } from "./overview.query";
import { PledgesCard } from "./PledgesCard";

/** Tổng quan: the city's figures for the year at a glance. */
export function OverviewPage() {
  const { t } = useI18n();
  const { data, error, loading, refetch } = useQuery(OVERVIEW_QUERY, {
    variables: { code: CITY_CODE, year: SUMMARY_YEAR },
  });

  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;

  const { orgUnit } = data;
  const { summary } = orgUnit;
  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {t("overview.title")}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t("overview.subtitle", { name: orgUnit.name, year: summary.year })}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <CellCoverageCard cells={summary.cells} />
        </Col>
        <Col xs={24} xl={12}>
          <PledgesCard summary={summary} />
        </Col>
        <Col xs={24} xl={12}>
          <NtmCard ntm={summary.ntm} />
        </Col>
        <Col xs={24} xl={12}>
          <DistrictsTable districts={orgUnit.children} />
        </Col>
      </Row>
    </Flex>
  );
}

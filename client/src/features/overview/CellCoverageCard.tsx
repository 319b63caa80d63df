import { Card, Col, Progress, Row, Statistic } from "antd";
import { formatNumber } from "../../i18n/format";
import { useI18n } from "../../i18n/context";
import type { PeopleSummary } from "./overview.query";

type Cells = PeopleSummary["cells"];

export function CellCoverageCard({ cells }: { cells: Cells }) {
  const { locale, t } = useI18n();
  const covered = cells.total === 0 ? 0 : (cells.withDirector / cells.total) * 100;
  const number = (value: number | string) => formatNumber(locale, Number(value));
  return (
    <Card title={t("overview.cells")} style={{ height: "100%" }}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t("overview.cells.total")} value={cells.total} formatter={number} />
        </Col>
        <Col span={8}>
          <Statistic title={t("overview.cells.withDirector")} value={cells.withDirector} formatter={number} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t("overview.cells.withoutDirector")}
            value={cells.withoutDirector}
            formatter={number}
          />
        </Col>
      </Row>
      <Progress percent={covered} showInfo={false} status="normal" style={{ marginTop: 16 }} />
    </Card>
  );
}

import { Card, Col, Flex, Progress, Row, Statistic, Typography } from "antd";
import { formatNumber } from "../../i18n/format";
import { useI18n } from "../../i18n/context";
import type { NtmSummary } from "./overview.query";

export function NtmCard({ ntm }: { ntm: NtmSummary }) {
  const { locale, t } = useI18n();
  const outOf = (part: number, total: number) =>
    t("common.outOf", { part: formatNumber(locale, part), total: formatNumber(locale, total) });
  const widest = Math.max(1, ...ntm.communesByCriteriaMet.map((bar) => bar.communes));
  return (
    <Card title={t("overview.ntm")} style={{ height: "100%" }}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Statistic
            title={t("overview.ntm.communesRecognised")}
            value={outOf(ntm.communesRecognised, ntm.communeCount)}
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t("overview.ntm.districtsRecognised")}
            value={outOf(ntm.districtsRecognised, ntm.ruralDistrictCount)}
          />
        </Col>
      </Row>
      <Typography.Text strong>{t("overview.ntm.histogram")}</Typography.Text>
      {ntm.communesByCriteriaMet.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("overview.ntm.allRecognised")}</Typography.Paragraph>
      ) : (
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          {ntm.communesByCriteriaMet.map((bar) => (
            <Flex key={bar.criteriaMet} align="center" gap="small">
              <Typography.Text style={{ width: 96, flex: "none" }}>
                {t("overview.ntm.criteria", { count: bar.criteriaMet })}
              </Typography.Text>
              <Progress
                percent={(bar.communes / widest) * 100}
                status="normal"
                format={() => t("overview.ntm.communes", { count: formatNumber(locale, bar.communes) })}
                style={{ margin: 0 }}
              />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

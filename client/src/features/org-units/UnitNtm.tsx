import { CheckCircleFilled, CloseCircleOutlined } from "@ant-design/icons";
import { Alert, Empty, Flex, Grid, Progress, Table, Typography } from "antd";
import { PAGE_PATHS } from "../../app/navigation";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/format";
import { AppLink } from "../../shared/AppLink";
import type { PageUnit } from "./UnitPage";

const CRITERIA = 19;

type Status = PageUnit["ntmStatuses"][number];

/** Nông thôn mới: the recognition decision, and for a commune its 19 criteria in the year. */
export function UnitNtm({ unit, year }: { unit: PageUnit; year: number }) {
  const { locale, t } = useI18n();
  const wide = Grid.useBreakpoint().md !== false;
  const recognition = unit.ntmRecognition;
  const statuses = [...unit.ntmStatuses].sort((a, b) => a.criterion.number - b.criterion.number);

  return (
    <Flex vertical gap="middle">
      {recognition ? (
        <Alert
          type="success"
          showIcon
          title={t("ntm.recognised", {
            number: recognition.decisionNumber,
            date: formatDay(locale, recognition.decidedOn),
          })}
        />
      ) : (
        <Alert type="info" showIcon title={t("ntm.notRecognised")} />
      )}
      {unit.kind === "COMMUNE" && (
        <>
          <Flex align="center" gap="middle" wrap>
            <Progress
              type="circle"
              size={72}
              percent={Math.round((unit.ntmCriteriaMet / CRITERIA) * 100)}
              format={() => `${unit.ntmCriteriaMet}/${CRITERIA}`}
            />
            <Typography.Text>{t("ntm.criteriaMet", { count: unit.ntmCriteriaMet, year })}</Typography.Text>
          </Flex>
          {statuses.length === 0 ? (
            <Empty description={t("ntm.noAssessment", { year })} />
          ) : (
            <Table<Status>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={statuses}
              scroll={wide ? { x: "max-content" } : undefined}
              columns={[
                { key: "number", title: "#", width: 44, render: (_: unknown, s) => s.criterion.number },
                {
                  key: "name",
                  title: t("ntm.criterion"),
                  render: (_: unknown, s) => (locale === "vi" ? s.criterion.name : s.criterion.nameEn),
                },
                {
                  key: "met",
                  title: t("ntm.status"),
                  render: (_: unknown, s) =>
                    s.met ? (
                      <Typography.Text type="success">
                        <CheckCircleFilled aria-hidden /> {t("ntm.met")}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">
                        <CloseCircleOutlined aria-hidden /> {t("ntm.notMet")}
                      </Typography.Text>
                    ),
                },
                {
                  key: "metOn",
                  title: t("ntm.metOn"),
                  responsive: ["sm"],
                  render: (_: unknown, s) => formatDay(locale, s.metOn),
                },
                {
                  key: "evidence",
                  title: t("ntm.evidence"),
                  responsive: ["md"],
                  render: (_: unknown, s) => s.evidence ?? "—",
                },
              ]}
            />
          )}
        </>
      )}
      <AppLink to={`${PAGE_PATHS.ntm}?district=${encodeURIComponent(districtOf(unit))}`}>
        {t("ntm.openPage")}
      </AppLink>
    </Flex>
  );
}

/** The district whose matrix shows this unit: itself for a district, the unit above for a commune. */
function districtOf(unit: PageUnit): string {
  return unit.kind === "COMMUNE" ? (unit.ancestors.at(-1)?.code ?? unit.code) : unit.code;
}

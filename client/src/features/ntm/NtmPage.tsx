import { CheckCircleFilled, CloseCircleOutlined, EditOutlined, MinusOutlined } from "@ant-design/icons";
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Card, Empty, Flex, Select, Spin, Table, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { CITY_CODE, SUMMARY_YEAR } from "../../app/scope";
import { useAuth } from "../../auth/context";
import { NtmMatrixDocument, UnitChildrenDocument, type NtmMatrixQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/format";
import { AppLink } from "../../shared/AppLink";
import { Loading } from "../../shared/Loading";
import { PageHeader } from "../../shared/PageHeader";
import { unitPath } from "../../shared/paths";
import { QueryFailure } from "../../shared/QueryFailure";
import { YearSelect } from "../../shared/YearSelect";
import { ExportButton } from "../exports/ExportButton";
import { fileSlug } from "../exports/workbook";
import { CriterionModal } from "./CriterionModal";
import {
  canRecogniseCommune,
  canRecogniseDistrict,
  CRITERIA_COUNT,
  ntmMatrix,
  ntmMatrixSheet,
  ntmPermissions,
  recognisedCount,
  recognitionsOf,
  type MatrixRow,
  type RecognitionEntry,
} from "./ntm-matrix";
import { RecognitionModal } from "./RecognitionModal";
import { defaultDistrict } from "./ntm-scope";

export type NtmCriterionInfo = NtmMatrixQuery["ntmCriteria"][number];

type Editing =
  | { kind: "criterion"; row: MatrixRow; criterion?: number }
  | { kind: "recognise"; unit: { code: string; name: string; kind: MatrixRow["kind"] } }
  | null;

/**
 * Nông thôn mới (/ntm): a district's xã against the 19 national criteria in a year, the recognition
 * decisions, and for ADMIN and the committees over them, the assessment of a criterion and recognition.
 * Public data: anonymous visitors see it too. `?district=925` opens a district.
 */
export function NtmPage() {
  const { t } = useI18n();
  const session = useAuth().state.session;
  const districts = useQuery(UnitChildrenDocument, { variables: { code: CITY_CODE } });
  const [chosen, setChosen] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get("district"),
  );
  const [year, setYear] = useState(SUMMARY_YEAR);

  if (districts.error && !districts.loading)
    return <QueryFailure error={districts.error} onRetry={() => void districts.refetch()} />;
  const options = districts.data?.orgUnit.children.filter((unit) => unit.level === "DISTRICT");
  if (!options) return <Loading />;
  const district = chosen ?? defaultDistrict(options, session?.user.unit.code);

  const choose = (code: string) => {
    setChosen(code);
    window.history.replaceState(null, "", `?district=${encodeURIComponent(code)}`);
  };

  return (
    <Flex vertical gap="large">
      <PageHeader
        title={t("ntm.title")}
        subtitle={t("ntm.subtitle")}
        extra={
          <>
            <Select<string>
              aria-label={t("ntm.district")}
              value={district ?? undefined}
              onChange={choose}
              style={{ minWidth: 170 }}
              showSearch
              optionFilterProp="label"
              options={[...options]
                .sort((a, b) => Number(b.kind === "RURAL_DISTRICT") - Number(a.kind === "RURAL_DISTRICT"))
                .map((unit) => ({
                  value: unit.code,
                  label: t(`unitTitle.${unit.kind}`, { name: unit.name }),
                }))}
            />
            <YearSelect value={year} onChange={setYear} />
          </>
        }
      />
      {district ? <DistrictMatrix key={district} district={district} year={year} /> : <Empty />}
    </Flex>
  );
}

function DistrictMatrix({ district, year }: { district: string; year: number }) {
  const { locale, t } = useI18n();
  const session = useAuth().state.session;
  const [editing, setEditing] = useState<Editing>(null);
  const { data, previousData, error, loading, refetch } = useQuery(NtmMatrixDocument, {
    variables: { district, year },
  });
  const current = data ?? previousData;
  const rows = useMemo(() => (current ? ntmMatrix(current.orgUnit.children) : []), [current]);

  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  if (!current) return <Loading />;

  const unit = current.orgUnit;
  const criteria = [...current.ntmCriteria].sort((a, b) => a.number - b.number);
  const can = ntmPermissions(
    session ? { roles: session.user.roles, unitCode: session.user.unit.code } : null,
    unit,
  );
  const counts = recognisedCount(rows, year);
  const criterionName = (c: NtmCriterionInfo) => (locale === "vi" ? c.name : c.nameEn);
  const done = () => {
    setEditing(null);
    void refetch();
  };

  const columns: ColumnsType<MatrixRow> = [
    {
      key: "name",
      title: t("ntm.commune"),
      fixed: "left",
      width: 150,
      render: (_: unknown, row) => (
        <Flex gap={4} align="center" justify="space-between">
          <AppLink to={unitPath(row.code)}>{row.name}</AppLink>
          {can.assess(row.code) && (
            <Tooltip title={t("ntm.assess")}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={`${t("ntm.assess")}: ${row.name}`}
                onClick={() => setEditing({ kind: "criterion", row })}
              />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    ...criteria.map((criterion) => ({
      key: `c${criterion.number}`,
      title: (
        <Tooltip title={`${criterion.number}. ${criterionName(criterion)}`}>
          <span aria-label={`${criterion.number}. ${criterionName(criterion)}`}>{criterion.number}</span>
        </Tooltip>
      ),
      width: 32,
      align: "center" as const,
      // A click on a cell opens that criterion; the keyboard goes through the row's edit button.
      onCell: (row: MatrixRow) => ({
        onClick: can.assess(row.code)
          ? () => setEditing({ kind: "criterion", row, criterion: criterion.number })
          : undefined,
        style: { paddingInline: 4, ...(can.assess(row.code) ? { cursor: "pointer" } : {}) },
      }),
      onHeaderCell: () => ({ style: { paddingInline: 4 } }),
      render: (_: unknown, row: MatrixRow) => {
        const met = row.met[criterion.number - 1];
        const label = `${row.name}, ${criterion.number}. ${criterionName(criterion)}: ${
          met === null ? t("ntm.notAssessed") : met ? t("ntm.met") : t("ntm.notMet")
        }`;
        return met === null ? (
          <MinusOutlined aria-label={label} style={{ color: "rgba(0,0,0,0.25)" }} />
        ) : met ? (
          <CheckCircleFilled aria-label={label} style={{ color: "#52c41a" }} />
        ) : (
          <CloseCircleOutlined aria-label={label} style={{ color: "#ff4d4f" }} />
        );
      },
    })),
    {
      key: "count",
      title: t("ntm.metCount"),
      width: 64,
      align: "center",
      render: (_: unknown, row) => (
        <Typography.Text strong type={row.metCount >= CRITERIA_COUNT ? "success" : undefined}>
          {row.metCount}/{CRITERIA_COUNT}
        </Typography.Text>
      ),
    },
    {
      key: "recognition",
      title: t("ntm.recognition"),
      width: 150,
      // A decision taken after the year shown does not count for that year.
      render: (_: unknown, row) =>
        row.recognition && row.recognition.year <= year ? (
          <Flex vertical>
            <Typography.Text type="success" style={{ fontSize: 12 }}>
              {row.recognition.decisionNumber}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDay(locale, row.recognition.decidedOn)}
            </Typography.Text>
          </Flex>
        ) : can.recogniseCommune && canRecogniseCommune(row) ? (
          <Button size="small" type="primary" onClick={() => setEditing({ kind: "recognise", unit: row })}>
            {t("ntm.recognise")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("ntm.notYet")}</Typography.Text>
        ),
    },
  ];

  return (
    <Spin spinning={loading}>
      <Flex vertical gap="large">
        <Card
          title={t("ntm.matrixTitle", { unit: t(`unitTitle.${unit.kind}`, { name: unit.name }), year })}
          extra={
            <ExportButton
              disabled={rows.length === 0}
              fileName={fileSlug("ntm", unit.code, year)}
              sheets={() => [ntmMatrixSheet(unit, year, current.ntmCriteria, rows)]}
            />
          }
          styles={{ header: { flexWrap: "wrap", gap: 8, paddingBlock: 8 } }}
        >
          <Flex vertical gap="middle">
            <Flex gap="middle" wrap align="center">
              <Typography.Text>
                {t("ntm.communesRecognised", { recognised: counts.recognised, total: counts.total, year })}
              </Typography.Text>
              {unit.ntmRecognition ? (
                <Typography.Text type="success">
                  {t("ntm.districtRecognised", {
                    number: unit.ntmRecognition.decisionNumber,
                    date: formatDay(locale, unit.ntmRecognition.decidedOn),
                  })}
                </Typography.Text>
              ) : (
                unit.kind === "RURAL_DISTRICT" && (
                  <Typography.Text type="secondary">{t("ntm.districtNotRecognised")}</Typography.Text>
                )
              )}
              {can.recogniseDistrict && canRecogniseDistrict(unit, rows) && (
                <Button type="primary" size="small" onClick={() => setEditing({ kind: "recognise", unit })}>
                  {t("ntm.recogniseDistrict")}
                </Button>
              )}
            </Flex>
            {rows.length === 0 ? (
              <Empty description={t("ntm.noCommunes")} />
            ) : (
              <>
                {rows.some((row) => can.assess(row.code)) ? (
                  <Alert type="info" showIcon title={t("ntm.editHint")} />
                ) : null}
                <Table<MatrixRow>
                  size="small"
                  bordered
                  rowKey="key"
                  pagination={false}
                  dataSource={rows}
                  columns={columns}
                  scroll={{ x: "max-content" }}
                />
                <Legend />
              </>
            )}
          </Flex>
        </Card>
        <Recognitions recognitions={recognitionsOf(unit, rows)} />
      </Flex>
      {editing?.kind === "criterion" && (
        <CriterionModal
          row={editing.row}
          year={year}
          criteria={criteria}
          initialCriterion={editing.criterion}
          onClose={() => setEditing(null)}
          onDone={done}
        />
      )}
      {editing?.kind === "recognise" && (
        <RecognitionModal unit={editing.unit} year={year} onClose={() => setEditing(null)} onDone={done} />
      )}
    </Spin>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <Flex gap="middle" wrap>
      <Typography.Text type="secondary">
        <CheckCircleFilled style={{ color: "#52c41a" }} aria-hidden /> {t("ntm.met")}
      </Typography.Text>
      <Typography.Text type="secondary">
        <CloseCircleOutlined style={{ color: "#ff4d4f" }} aria-hidden /> {t("ntm.notMet")}
      </Typography.Text>
      <Typography.Text type="secondary">
        <MinusOutlined aria-hidden /> {t("ntm.notAssessed")}
      </Typography.Text>
    </Flex>
  );
}

function Recognitions({ recognitions }: { recognitions: readonly RecognitionEntry[] }) {
  const { locale, t } = useI18n();
  const sorted = [...recognitions];
  return (
    <Card title={t("ntm.recognitions")}>
      {sorted.length === 0 ? (
        <Empty description={t("ntm.noRecognitions")} />
      ) : (
        <Table<RecognitionEntry>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={sorted}
          scroll={{ x: "max-content" }}
          columns={[
            {
              key: "unit",
              title: t("ntm.recognisedUnit"),
              render: (_: unknown, r) => (
                <AppLink to={unitPath(r.unit.code)}>
                  {t(`unitTitle.${r.unit.kind}`, { name: r.unit.name })}
                </AppLink>
              ),
            },
            { key: "number", title: t("ntm.decisionNumber"), dataIndex: "decisionNumber" },
            {
              key: "date",
              title: t("ntm.decidedOn"),
              dataIndex: "decidedOn",
              render: (day: string) => formatDay(locale, day),
            },
          ]}
        />
      )}
    </Card>
  );
}

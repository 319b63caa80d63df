import { CalculatorOutlined } from "@ant-design/icons";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { Alert, App, Button, Card, Empty, Flex, Grid, Spin, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { SUMMARY_YEAR } from "../../app/scope";
import { useAuth } from "../../auth/context";
import {
  EvaluationsDocument,
  ProposeGradesDocument,
  type EvaluationFieldsFragment,
  type Grade,
  type GradeQuotaFieldsFragment,
} from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { GRADES } from "../../shared/domain-enums";
import { IdempotencyKeys } from "../../shared/idempotency";
import { Loading } from "../../shared/Loading";
import { describeMutationFailure } from "../../shared/mutation-failure";
import { PageHeader } from "../../shared/PageHeader";
import { QueryFailure } from "../../shared/QueryFailure";
import { RoleRequired, SignInRequired } from "../../shared/SignInRequired";
import { GradeTag } from "../../shared/StatusTags";
import { YearSelect } from "../../shared/YearSelect";
import { ExportButton } from "../exports/ExportButton";
import { fileSlug } from "../exports/workbook";
import { UnitPicker } from "../org-units/UnitPicker";
import { evaluationsSheet, gradeCounts } from "./evaluation-rows";
import { FinalGradeModal } from "./FinalGradeModal";

const PAGE = 100;

/**
 * Đánh giá, xếp loại (/evaluations), for COMMITTEE and ADMIN: the members directing units of a subtree with
 * their proposed grade (computed by the rule) and the final grade the committee sets, the 2018 quota, and
 * the export of the table.
 */
export function EvaluationsPage() {
  const session = useAuth().state.session;
  if (!session) return <SignInRequired text="evaluations.signIn" />;
  const { roles, unit } = session.user;
  if (!roles.includes("COMMITTEE") && !roles.includes("ADMIN"))
    return <RoleRequired text="evaluations.committeesOnly" />;
  return <Evaluations ownUnit={unit.code} />;
}

function Evaluations({ ownUnit }: { ownUnit: string }) {
  const { locale, t } = useI18n();
  const { message, modal } = App.useApp();
  const client = useApolloClient();
  const [unit, setUnit] = useState(ownUnit);
  const [year, setYear] = useState(SUMMARY_YEAR);
  const [grading, setGrading] = useState<EvaluationFieldsFragment | null>(null);
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const { data, previousData, error, loading, refetch, fetchMore } = useQuery(EvaluationsDocument, {
    variables: { unit, year, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const [propose, proposing] = useMutation(ProposeGradesDocument);
  // On a phone the grades and the button go under the name: more columns would be scrolled out of sight.
  const wide = Grid.useBreakpoint().md !== false;

  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  const current = data ?? previousData;
  if (!current) return <Loading />;
  const { evaluations, gradeQuota, orgUnit } = current;
  const counts = gradeCounts(evaluations.nodes);

  const loadMore = () =>
    fetchMore({
      variables: { after: evaluations.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        evaluations: {
          ...fetchMoreResult.evaluations,
          nodes: [...previous.evaluations.nodes, ...fetchMoreResult.evaluations.nodes],
        },
      }),
    });

  /** Every page of the table, for the export. */
  const allEvaluations = async () => {
    const all = [...evaluations.nodes];
    let page = evaluations.pageInfo;
    while (page.hasNextPage) {
      const { data: next } = await client.query({
        query: EvaluationsDocument,
        variables: { unit, year, first: PAGE, after: page.endCursor },
      });
      if (!next) break;
      all.push(...next.evaluations.nodes);
      page = next.evaluations.pageInfo;
    }
    return all;
  };

  const runProposal = () =>
    modal.confirm({
      title: t("evaluations.propose.title", { year }),
      content: t("evaluations.propose.text"),
      okText: t("evaluations.propose"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        const input = { unit: { code: unit }, year };
        try {
          const { data: result } = await propose({
            variables: { input, idempotencyKey: keys.keyFor(input) },
          });
          keys.done();
          const payload = result?.proposeGrades;
          if (payload) {
            void message.success(
              t("evaluations.propose.done", {
                members: payload.members,
                changed: payload.changed,
                decided: payload.decided,
              }),
            );
            if (payload.outsideScope > 0)
              void message.info(t("evaluations.propose.outside", { count: payload.outsideScope }));
          }
          await refetch();
        } catch (failure) {
          void message.error(describeMutationFailure(locale, failure));
        }
      },
    });

  return (
    <Flex vertical gap="large">
      <PageHeader
        title={t("evaluations.title")}
        subtitle={t("evaluations.subtitle")}
        extra={
          <>
            <div style={{ minWidth: 220 }}>
              <UnitPicker
                under={ownUnit}
                value={unit}
                onChange={(code) => setUnit(code ?? ownUnit)}
                ariaLabel={t("evaluations.unit")}
              />
            </div>
            <YearSelect value={year} onChange={setYear} />
            <Button icon={<CalculatorOutlined />} loading={proposing.loading} onClick={runProposal}>
              {t("evaluations.propose")}
            </Button>
            <ExportButton
              disabled={evaluations.totalCount === 0}
              fileName={fileSlug("xep-loai", unit, year)}
              sheets={async () => [evaluationsSheet(current.orgUnit, year, await allEvaluations())]}
            />
          </>
        }
      />
      <QuotaWarnings warnings={gradeQuota} />
      <Spin spinning={loading}>
        <Card
          title={t("evaluations.tableTitle", {
            count: evaluations.totalCount,
            year,
            unit: t(`unitTitle.${orgUnit.kind}`, { name: orgUnit.name }),
          })}
          styles={{ header: { whiteSpace: "normal", paddingBlock: 8 } }}
        >
          {evaluations.nodes.length === 0 ? (
            <Empty description={t("evaluations.none", { year })} />
          ) : (
            <Flex vertical gap="middle">
              <Flex gap={4} wrap align="center">
                {counts.map((c) => (
                  <Tag key={c.grade}>
                    {t(`grade.short.${c.grade}`)}: {c.final}/{c.proposed}
                  </Tag>
                ))}
                <Typography.Text type="secondary">
                  {evaluations.pageInfo.hasNextPage
                    ? t("evaluations.countsHintPartial", {
                        loaded: evaluations.nodes.length,
                        total: evaluations.totalCount,
                      })
                    : t("evaluations.countsHint")}
                </Typography.Text>
              </Flex>
              <Table<EvaluationFieldsFragment>
                size="small"
                rowKey="id"
                dataSource={evaluations.nodes}
                pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={wide ? { x: "max-content" } : undefined}
                columns={[
                  {
                    key: "member",
                    title: t("evaluations.member"),
                    render: (_: unknown, e) => (
                      <Flex vertical gap={2}>
                        <Typography.Text strong>{e.member.fullName}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {e.member.code} ·{" "}
                          {t(`unitTitle.${e.member.homeUnit.kind}`, { name: e.member.homeUnit.name })}
                        </Typography.Text>
                        {!wide && (
                          <>
                            <Flex gap={4} wrap align="center">
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t("evaluations.proposed")}:
                              </Typography.Text>
                              <GradeTag grade={e.proposedGrade} />
                            </Flex>
                            <Flex gap={4} wrap align="center">
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t("evaluations.final")}:
                              </Typography.Text>
                              <GradeTag grade={e.finalGrade} />
                            </Flex>
                            <Button size="small" style={{ alignSelf: "start" }} onClick={() => setGrading(e)}>
                              {e.finalGrade ? t("evaluations.changeGrade") : t("evaluations.setGrade")}
                            </Button>
                          </>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    key: "proposed",
                    title: t("evaluations.proposed"),
                    responsive: ["md"],
                    render: (_: unknown, e) => <GradeTag grade={e.proposedGrade} />,
                    filters: GRADES.map((g) => ({ value: g, text: t(`grade.${g}`) })),
                    onFilter: (value, e) => e.proposedGrade === (value as Grade),
                  },
                  {
                    key: "final",
                    title: t("evaluations.final"),
                    responsive: ["md"],
                    render: (_: unknown, e) => <GradeTag grade={e.finalGrade} />,
                    filters: GRADES.map((g) => ({ value: g, text: t(`grade.${g}`) })),
                    onFilter: (value, e) => e.finalGrade === (value as Grade),
                  },
                  {
                    key: "note",
                    title: t("evaluations.note"),
                    responsive: ["lg"],
                    render: (_: unknown, e) => (
                      <Typography.Text
                        style={{ display: "inline-block", maxWidth: 260, whiteSpace: "normal" }}
                      >
                        {e.note ?? "—"}
                      </Typography.Text>
                    ),
                  },
                  {
                    key: "actions",
                    title: t("common.actions"),
                    responsive: ["md"],
                    render: (_: unknown, e) => (
                      <Button size="small" onClick={() => setGrading(e)}>
                        {e.finalGrade ? t("evaluations.changeGrade") : t("evaluations.setGrade")}
                      </Button>
                    ),
                  },
                ]}
              />
              {evaluations.pageInfo.hasNextPage && (
                <Button onClick={() => void loadMore()} loading={loading} style={{ alignSelf: "center" }}>
                  {t("evaluations.loadMore", { count: evaluations.totalCount - evaluations.nodes.length })}
                </Button>
              )}
            </Flex>
          )}
        </Card>
      </Spin>
      {grading && (
        <FinalGradeModal
          evaluation={grading}
          onClose={() => setGrading(null)}
          onDone={() => {
            setGrading(null);
            void refetch();
          }}
        />
      )}
    </Flex>
  );
}

function QuotaWarnings({ warnings }: { warnings: readonly GradeQuotaFieldsFragment[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t("evaluations.quota.title", { count: warnings.length })}
      description={
        <Flex vertical gap={2}>
          {warnings.map((w) => (
            <span key={w.unit.code}>
              {t("evaluations.quota.line", {
                unit: t(`unitTitle.${w.unit.kind}`, { name: w.unit.name }),
                excellent: w.excellent,
                good: w.good,
                max: w.maxExcellent,
              })}
            </span>
          ))}
        </Flex>
      }
    />
  );
}

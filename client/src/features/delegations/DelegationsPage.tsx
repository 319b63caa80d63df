import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@apollo/client/react";
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Row,
  Segmented,
  Spin,
  Statistic,
  Table,
  Typography,
} from "antd";
import { useState } from "react";
import { SUMMARY_YEAR } from "../../app/scope";
import { useAuth } from "../../auth/context";
import {
  DelegationsAndConcernsDocument,
  type ConcernFieldsFragment,
  type ConcernStatus,
  type DelegationsAndConcernsQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay, formatNumber } from "../../i18n/format";
import { AppLink } from "../../shared/AppLink";
import { CONCERN_STATUSES } from "../../shared/domain-enums";
import { Loading } from "../../shared/Loading";
import { PageHeader } from "../../shared/PageHeader";
import { unitPath } from "../../shared/paths";
import { QueryFailure } from "../../shared/QueryFailure";
import { SignInRequired } from "../../shared/SignInRequired";
import { ConcernStatusTag } from "../../shared/StatusTags";
import { YearSelect } from "../../shared/YearSelect";
import { UnitPicker } from "../org-units/UnitPicker";
import { managesConcerns, yearRange } from "./concern-actions";
import { ConcernActions } from "./ConcernActions";
import { RaiseConcernModal } from "./RaiseConcernModal";
import { RecordDelegationModal } from "./RecordDelegationModal";

type Delegation = DelegationsAndConcernsQuery["delegations"]["nodes"][number];

/**
 * Đoàn công tác, khó khăn vướng mắc (/delegations): the working delegations sent to a subtree in a year, the
 * concerns raised there with the time they took to resolve, and for committees the actions on them.
 */
export function DelegationsPage() {
  const session = useAuth().state.session;
  if (!session) return <SignInRequired text="delegations.signIn" />;
  return <Delegations ownUnit={session.user.unit.code} roles={session.user.roles} />;
}

function Delegations({ ownUnit, roles }: { ownUnit: string; roles: readonly string[] }) {
  const { locale, t } = useI18n();
  const [unit, setUnit] = useState(ownUnit);
  const [year, setYear] = useState<number>(SUMMARY_YEAR);
  const [status, setStatus] = useState<ConcernStatus | "ALL">("ALL");
  const [raising, setRaising] = useState(false);
  const [recording, setRecording] = useState(false);
  const { data, previousData, error, loading, refetch } = useQuery(DelegationsAndConcernsDocument, {
    variables: { unit, year, ...yearRange(year), statuses: status === "ALL" ? null : [status] },
  });
  const manages = managesConcerns(roles);
  // On a phone, what sits in columns on a wide screen goes under the title: columns would scroll out of sight.
  const wide = Grid.useBreakpoint().md !== false;

  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  const current = data ?? previousData;
  if (!current) return <Loading />;
  const { concernStats: stats, delegations, concerns } = current;
  const days = (value: number | null) =>
    value === null ? "—" : t("delegations.days", { days: formatNumber(locale, value) });

  return (
    <Flex vertical gap="large">
      <PageHeader
        title={t("delegations.title")}
        subtitle={t("delegations.subtitle")}
        extra={
          <>
            <div style={{ minWidth: 220 }}>
              <UnitPicker
                under={ownUnit}
                value={unit}
                onChange={(code) => setUnit(code ?? ownUnit)}
                ariaLabel={t("delegations.unit")}
              />
            </div>
            <YearSelect value={year} onChange={setYear} />
          </>
        }
      />
      <Spin spinning={loading}>
        <Flex vertical gap="large">
          <Row gutter={[16, 16]}>
            {(
              [
                ["delegations.stat.total", stats.total],
                ["delegations.stat.open", stats.open],
                ["delegations.stat.inProgress", stats.inProgress],
                ["delegations.stat.resolved", stats.resolved],
              ] as const
            ).map(([label, value]) => (
              <Col key={label} xs={12} md={6} lg={4}>
                <Card size="small">
                  <Statistic title={t(label)} value={value} />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic title={t("delegations.stat.average")} value={days(stats.averageDaysToResolve)} />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic title={t("delegations.stat.median")} value={days(stats.medianDaysToResolve)} />
              </Card>
            </Col>
          </Row>

          <Card
            title={t("delegations.concerns", { count: concerns.totalCount })}
            extra={
              manages && (
                <Button icon={<PlusOutlined />} onClick={() => setRaising(true)}>
                  {t("delegations.raise")}
                </Button>
              )
            }
            styles={{ header: { flexWrap: "wrap", gap: 8, paddingBlock: 8 } }}
          >
            <Flex vertical gap="middle">
              <Segmented<ConcernStatus | "ALL">
                aria-label={t("delegations.statusFilter")}
                value={status}
                onChange={setStatus}
                options={[
                  { value: "ALL", label: t("delegations.status.all") },
                  ...CONCERN_STATUSES.map((value) => ({ value, label: t(`concernStatus.${value}`) })),
                ]}
                style={{ alignSelf: "flex-start", maxWidth: "100%", overflowX: "auto" }}
              />
              {concerns.nodes.length === 0 ? (
                <Empty description={t("delegations.noConcerns")} />
              ) : (
                <Table<ConcernFieldsFragment>
                  size="small"
                  rowKey="id"
                  dataSource={concerns.nodes}
                  pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                  scroll={wide ? { x: "max-content" } : undefined}
                  expandable={{
                    rowExpandable: (c) => Boolean(c.description || c.answer || c.delegation),
                    expandedRowRender: (c) => <ConcernDetails concern={c} />,
                  }}
                  columns={[
                    {
                      key: "title",
                      title: t("delegations.concern"),
                      render: (_: unknown, c) => (
                        <Flex vertical gap={2} style={{ maxWidth: 420, whiteSpace: "normal" }}>
                          <Typography.Text>{c.title}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            <AppLink to={unitPath(c.raisedBy.code)}>
                              {t(`unitTitle.${c.raisedBy.kind}`, { name: c.raisedBy.name })}
                            </AppLink>
                            {" · "}
                            {formatDay(locale, c.raisedOn)}
                          </Typography.Text>
                          {!wide && (
                            <Flex gap="small" wrap align="center">
                              <ConcernStatusTag status={c.status} />
                              {c.handler && (
                                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                  {t("units.concerns.handler", {
                                    unit: t(`unitTitle.${c.handler.kind}`, { name: c.handler.name }),
                                  })}
                                </Typography.Text>
                              )}
                            </Flex>
                          )}
                          {!wide && manages && (
                            <ConcernActions concern={c} ownUnit={ownUnit} onDone={() => void refetch()} />
                          )}
                        </Flex>
                      ),
                    },
                    {
                      key: "status",
                      title: t("delegations.status"),
                      responsive: ["md"],
                      render: (_: unknown, c) => <ConcernStatusTag status={c.status} />,
                    },
                    {
                      key: "handler",
                      title: t("delegations.handler"),
                      responsive: ["md"],
                      render: (_: unknown, c) =>
                        c.handler ? t(`unitTitle.${c.handler.kind}`, { name: c.handler.name }) : "—",
                    },
                    {
                      key: "days",
                      title: t("delegations.daysToResolve"),
                      responsive: ["xl"],
                      render: (_: unknown, c) => days(c.daysToResolve),
                    },
                    ...(manages
                      ? [
                          {
                            key: "actions",
                            title: t("common.actions"),
                            responsive: ["md" as const],
                            render: (_: unknown, c: ConcernFieldsFragment) => (
                              <ConcernActions concern={c} ownUnit={ownUnit} onDone={() => void refetch()} />
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              )}
            </Flex>
          </Card>

          <Card
            title={t("delegations.delegations", { count: delegations.totalCount })}
            extra={
              manages && (
                <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                  {t("delegations.record")}
                </Button>
              )
            }
            styles={{ header: { flexWrap: "wrap", gap: 8, paddingBlock: 8 } }}
          >
            {delegations.nodes.length === 0 ? (
              <Empty description={t("delegations.noDelegations")} />
            ) : (
              <Table<Delegation>
                size="small"
                rowKey="id"
                dataSource={delegations.nodes}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={wide ? { x: "max-content" } : undefined}
                expandable={{ expandedRowRender: (d) => <DelegationDetails delegation={d} /> }}
                columns={[
                  {
                    key: "visitedOn",
                    title: t("delegations.visitedOn"),
                    responsive: ["md"],
                    render: (_: unknown, d) => formatDay(locale, d.visitedOn),
                  },
                  {
                    key: "title",
                    title: t("delegations.delegation"),
                    render: (_: unknown, d) => (
                      <Flex vertical gap={2} style={{ maxWidth: 420, whiteSpace: "normal" }}>
                        <Typography.Text>{d.title}</Typography.Text>
                        {!wide && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatDay(locale, d.visitedOn)}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    key: "visited",
                    title: t("delegations.visitedUnit"),
                    responsive: ["md"],
                    render: (_: unknown, d) => (
                      <AppLink to={unitPath(d.visitedUnit.code)}>
                        {t(`unitTitle.${d.visitedUnit.kind}`, { name: d.visitedUnit.name })}
                      </AppLink>
                    ),
                  },
                  {
                    key: "concerns",
                    title: t("delegations.concernCount"),
                    responsive: ["lg"],
                    render: (_: unknown, d) => d.concerns.length,
                  },
                ]}
              />
            )}
          </Card>
        </Flex>
      </Spin>
      {recording && (
        <RecordDelegationModal
          ownUnit={ownUnit}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            void refetch();
          }}
        />
      )}
      {raising && (
        <RaiseConcernModal
          ownUnit={ownUnit}
          delegations={delegations.nodes}
          onClose={() => setRaising(false)}
          onDone={() => {
            setRaising(false);
            void refetch();
          }}
        />
      )}
    </Flex>
  );
}

function ConcernDetails({ concern }: { concern: ConcernFieldsFragment }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={4} style={{ whiteSpace: "normal" }}>
      {concern.delegation && (
        <Typography.Text type="secondary">
          {t("delegations.atDelegation", { title: concern.delegation.title })}
        </Typography.Text>
      )}
      {concern.description && <Typography.Text>{concern.description}</Typography.Text>}
      {concern.answer && (
        <Typography.Text type="success">
          {t("delegations.answer", { answer: concern.answer })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function DelegationDetails({ delegation }: { delegation: Delegation }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={4} style={{ whiteSpace: "normal" }}>
      <Typography.Text type="secondary">
        {t("delegations.ledBy", {
          unit: t(`unitTitle.${delegation.leadingUnit.kind}`, { name: delegation.leadingUnit.name }),
        })}
        {" · "}
        {t("delegations.visited", {
          unit: t(`unitTitle.${delegation.visitedUnit.kind}`, { name: delegation.visitedUnit.name }),
        })}
      </Typography.Text>
      {delegation.members.length > 0 && (
        <Typography.Text>
          {t("delegations.members", { names: delegation.members.map((m) => m.fullName).join(", ") })}
        </Typography.Text>
      )}
      {delegation.note && <Typography.Text>{delegation.note}</Typography.Text>}
      {delegation.concerns.length > 0 && (
        <Flex vertical gap={2}>
          {delegation.concerns.map((c) => (
            <Flex key={c.id} gap="small" align="center" wrap>
              <ConcernStatusTag status={c.status} />
              <Typography.Text>{c.title}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

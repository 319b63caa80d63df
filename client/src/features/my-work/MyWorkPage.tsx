import { PlusOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { useQuery } from "@apollo/client/react";
import { Button, Card, Col, Empty, Flex, Row, Spin, Statistic, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { SUMMARY_YEAR } from "../../app/scope";
import { useAuth } from "../../auth/context";
import { MyWorkDocument, type MyPledgeFieldsFragment, type MyWorkQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { Loading } from "../../shared/Loading";
import { PageHeader } from "../../shared/PageHeader";
import { QueryFailure } from "../../shared/QueryFailure";
import { RoleRequired, SignInRequired } from "../../shared/SignInRequired";
import { GradeTag } from "../../shared/StatusTags";
import { YearSelect } from "../../shared/YearSelect";
import { AssignmentCard } from "./AssignmentCard";
import { PledgeFormModal } from "./PledgeFormModal";
import { ReportPledgeModal } from "./ReportPledgeModal";
import { useOwnPledgesLive } from "./useOwnPledgesLive";
import { VisitFormModal } from "./VisitFormModal";

export type MyMember = NonNullable<NonNullable<MyWorkQuery["viewer"]>["member"]>;
export type MyAssignment = MyMember["assignments"][number];
export type Criterion = MyWorkQuery["ntmCriteria"][number];

/** Which form is open: registering or editing a pledge, reporting one, or recording a visit. */
export type OpenForm =
  | { kind: "register"; assignment?: string }
  | { kind: "edit"; pledge: MyPledgeFieldsFragment }
  | { kind: "report"; pledge: MyPledgeFieldsFragment }
  | { kind: "visit"; assignment?: string }
  | null;

/**
 * Công việc của tôi (/my-work), for MEMBER users: the units they direct in a year, the pledges they register,
 * edit, withdraw and report, the visits they record, their monthly compliance and their proposed grade.
 */
export function MyWorkPage() {
  const session = useAuth().state.session;
  if (!session) return <SignInRequired text="myWork.signIn" />;
  if (!session.user.roles.includes("MEMBER")) return <RoleRequired text="myWork.membersOnly" />;
  return <MyWork />;
}

function MyWork() {
  const { t } = useI18n();
  const [year, setYear] = useState(SUMMARY_YEAR);
  const [form, setForm] = useState<OpenForm>(null);
  const { data, previousData, error, loading, refetch } = useQuery(MyWorkDocument, {
    variables: { year, from: `${year}-01-01`, to: `${year}-12-31` },
  });
  const shownMember = (data ?? previousData)?.viewer?.member;
  const ownPledges = useMemo(
    () => new Set(shownMember?.assignments.flatMap((a) => a.pledges.map((p) => p.id)) ?? []),
    [shownMember],
  );
  useOwnPledgesLive(
    shownMember?.homeUnit.code ?? null,
    ownPledges,
    () => void refetch().catch(() => undefined),
  );

  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  const current = data ?? previousData;
  if (!current) return <Loading />;
  const member = current.viewer?.member;
  if (!member) return <RoleRequired text="myWork.noMemberRecord" />;

  const today = dayjs().format("YYYY-MM-DD");
  const evaluation = member.evaluations.find((e) => e.year === year);
  const pledges = member.assignments.flatMap((a) => a.pledges);
  const visits = member.assignments.reduce((sum, a) => sum + a.visits.length, 0);
  const done = () => {
    setForm(null);
    void refetch();
  };

  return (
    <Flex vertical gap="large">
      <PageHeader
        title={t("myWork.title")}
        subtitle={t("myWork.subtitle", {
          name: member.fullName,
          code: member.code,
          unit: t(`unitTitle.${member.homeUnit.kind}`, { name: member.homeUnit.name }),
        })}
        extra={
          <>
            <YearSelect value={year} onChange={setYear} />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={member.assignments.length === 0}
              onClick={() => setForm({ kind: "register" })}
            >
              {t("myWork.register")}
            </Button>
            <Button
              icon={<EnvironmentOutlined />}
              disabled={member.assignments.length === 0}
              onClick={() => setForm({ kind: "visit" })}
            >
              {t("myWork.recordVisit")}
            </Button>
          </>
        }
      />
      <Spin spinning={loading}>
        <Flex vertical gap="large">
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t("myWork.stat.pledges", { year })}
                  value={pledges.filter((p) => p.status !== "WITHDRAWN").length}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t("myWork.stat.confirmed")}
                  value={pledges.filter((p) => p.status === "CONFIRMED").length}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("myWork.stat.visits", { year })} value={visits} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">{t("myWork.stat.grade", { year })}</Typography.Text>
                  <span>
                    <GradeTag grade={evaluation?.finalGrade ?? evaluation?.proposedGrade} />
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {evaluation?.finalGrade
                      ? t("myWork.grade.final")
                      : evaluation?.proposedGrade
                        ? t("myWork.grade.proposed")
                        : t("myWork.grade.none")}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
          </Row>
          {member.assignments.length === 0 ? (
            <Card>
              <Empty description={t("myWork.noAssignment", { year })} />
            </Card>
          ) : (
            member.assignments.map((assignment) => (
              <AssignmentCard
                key={assignment.id}
                assignment={assignment}
                year={year}
                today={today}
                onOpen={setForm}
                onChanged={() => void refetch()}
              />
            ))
          )}
          {member.evaluations.length > 0 && <EvaluationsCard evaluations={member.evaluations} />}
        </Flex>
      </Spin>
      {(form?.kind === "register" || form?.kind === "edit") && (
        <PledgeFormModal
          form={form}
          year={year}
          assignments={member.assignments}
          criteria={current.ntmCriteria}
          onClose={() => setForm(null)}
          onDone={done}
        />
      )}
      {form?.kind === "report" && (
        <ReportPledgeModal pledge={form.pledge} onClose={() => setForm(null)} onDone={done} />
      )}
      {form?.kind === "visit" && (
        <VisitFormModal
          assignments={member.assignments}
          initialAssignment={form.assignment}
          year={year}
          today={today}
          onClose={() => setForm(null)}
          onDone={done}
        />
      )}
    </Flex>
  );
}

function EvaluationsCard({ evaluations }: { evaluations: MyMember["evaluations"] }) {
  const { t } = useI18n();
  return (
    <Card title={t("myWork.evaluations")} size="small">
      <Flex vertical gap="small">
        {[...evaluations]
          .sort((a, b) => b.year - a.year)
          .map((evaluation) => (
            <Flex key={evaluation.id} gap="small" wrap align="center">
              <Typography.Text strong style={{ minWidth: 48 }}>
                {evaluation.year}
              </Typography.Text>
              <Typography.Text type="secondary">{t("myWork.grade.proposedLabel")}</Typography.Text>
              <GradeTag grade={evaluation.proposedGrade} />
              <Typography.Text type="secondary">{t("myWork.grade.finalLabel")}</Typography.Text>
              <GradeTag grade={evaluation.finalGrade} />
              {evaluation.note && <Typography.Text type="secondary">— {evaluation.note}</Typography.Text>}
            </Flex>
          ))}
      </Flex>
    </Card>
  );
}

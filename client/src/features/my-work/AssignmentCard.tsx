import {
  EditOutlined,
  EnvironmentOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
} from "@ant-design/icons";
import { useMutation } from "@apollo/client/react";
import { App, Button, Card, Empty, Flex, Space, Tag, Tooltip, Typography } from "antd";
import { useMemo } from "react";
import { WithdrawPledgeDocument, type MyPledgeFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay, formatNumber } from "../../i18n/format";
import { AppLink } from "../../shared/AppLink";
import { IdempotencyKeys } from "../../shared/idempotency";
import { ItemList } from "../../shared/ItemList";
import { describeMutationFailure } from "../../shared/mutation-failure";
import { unitPath } from "../../shared/paths";
import { PledgeStatusTag } from "../../shared/StatusTags";
import { complianceTotals, monthlyCompliance, type MonthCompliance } from "./compliance";
import type { MyAssignment, OpenForm } from "./MyWorkPage";
import { pledgeActions } from "./pledge-forms";

/** One unit the member directs: its pledges with their actions, the monthly visits and the visits list. */
export function AssignmentCard({
  assignment,
  year,
  today,
  onOpen,
  onChanged,
}: {
  assignment: MyAssignment;
  year: number;
  today: string;
  onOpen: (form: OpenForm) => void;
  onChanged: () => void;
}) {
  const { locale, t } = useI18n();
  const { unit, directive } = assignment;
  const months = monthlyCompliance(assignment, year, today);
  const totals = complianceTotals(months);

  return (
    <Card
      title={
        <Flex vertical style={{ whiteSpace: "normal", paddingBlock: 8 }}>
          <AppLink to={unitPath(unit.code)}>{t(`unitTitle.${unit.kind}`, { name: unit.name })}</AppLink>
          <Typography.Text type="secondary" style={{ fontWeight: "normal", fontSize: 13 }}>
            {t(`assignmentScope.${assignment.scope}`)} ·{" "}
            {t("units.members.since", {
              directive: directive.number,
              from: formatDay(locale, assignment.startsOn),
            })}
          </Typography.Text>
        </Flex>
      }
    >
      <Flex vertical gap="large">
        <section aria-label={t("myWork.pledges")}>
          <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t("myWork.pledges")}
            </Typography.Title>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => onOpen({ kind: "register", assignment: assignment.id })}
            >
              {t("myWork.register")}
            </Button>
          </Flex>
          {assignment.pledges.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("myWork.noPledges", { year })} />
          ) : (
            <ItemList
              ariaLabel={t("myWork.pledges")}
              items={assignment.pledges}
              itemKey={(pledge) => pledge.id}
              renderItem={(pledge) => <PledgeItem pledge={pledge} onOpen={onOpen} onChanged={onChanged} />}
            />
          )}
        </section>
        <section aria-label={t("myWork.compliance")}>
          <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t("myWork.compliance")}
            </Typography.Title>
            <Button
              size="small"
              icon={<EnvironmentOutlined />}
              onClick={() => onOpen({ kind: "visit", assignment: assignment.id })}
            >
              {t("myWork.recordVisit")}
            </Button>
          </Flex>
          <Typography.Paragraph type="secondary">
            {directive.minVisitsPerMonth
              ? t("myWork.compliance.rule", {
                  min: directive.minVisitsPerMonth,
                  compliant: totals.compliant,
                  assessed: totals.assessed,
                })
              : t("myWork.compliance.noRule", { directive: directive.number })}
          </Typography.Paragraph>
          <MonthGrid months={months} />
        </section>
        <VisitsList visits={assignment.visits} />
      </Flex>
    </Card>
  );
}

/** A pledge with what the member may do with it now. */
function PledgeItem({
  pledge,
  onOpen: open,
  onChanged: changed,
}: {
  pledge: MyPledgeFieldsFragment;
  onOpen: (form: OpenForm) => void;
  onChanged: () => void;
}) {
  const { locale, t } = useI18n();
  const { message, modal } = App.useApp();
  const actions = pledgeActions(pledge.status);
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [withdraw] = useMutation(WithdrawPledgeDocument);

  const confirmWithdraw = () =>
    modal.confirm({
      title: t("myWork.withdraw.title"),
      content: t("myWork.withdraw.text", { title: pledge.title }),
      okText: t("myWork.withdraw"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: async () => {
        const input = { id: pledge.id, expectedVersion: pledge.version };
        try {
          await withdraw({ variables: { input, idempotencyKey: keys.keyFor(input) } });
          keys.done();
          void message.success(t("myWork.withdraw.done"));
          changed();
        } catch (error) {
          void message.error(describeMutationFailure(locale, error));
        }
      },
    });

  const quantity =
    pledge.targetQuantity !== null
      ? `${formatNumber(locale, pledge.targetQuantity)}${pledge.targetUnit ? ` ${pledge.targetUnit}` : ""}`
      : null;
  return (
    <Flex vertical gap={4} style={{ width: "100%" }}>
      <Flex gap="small" wrap align="center">
        <PledgeStatusTag status={pledge.status} />
        <Typography.Text strong>{pledge.title}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[
          t(`pledgeCategory.${pledge.category}`),
          pledge.ntmCriterion &&
            t("pledge.criterion", {
              number: pledge.ntmCriterion.number,
              name: locale === "vi" ? pledge.ntmCriterion.name : pledge.ntmCriterion.nameEn,
            }),
          quantity && t("myWork.target", { quantity }),
          pledge.dueOn && t("myWork.due", { date: formatDay(locale, pledge.dueOn) }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </Typography.Text>
      {pledge.status === "REJECTED" && pledge.rejectionReason && (
        <Typography.Text type="danger">
          {t("myWork.rejectedBecause", { reason: pledge.rejectionReason })}
        </Typography.Text>
      )}
      {pledge.reportNote && pledge.status !== "REJECTED" && (
        <Typography.Text>{t("myWork.reported", { note: pledge.reportNote })}</Typography.Text>
      )}
      {pledge.status === "CONFIRMED" && pledge.decidedBy && (
        <Typography.Text type="success">
          {t("myWork.confirmedBy", {
            unit: t(`unitTitle.${pledge.decidedBy.kind}`, { name: pledge.decidedBy.name }),
            date: formatDay(locale, pledge.decidedAt),
          })}
        </Typography.Text>
      )}
      {(actions.edit || actions.report || actions.withdraw) && (
        <Space wrap size="small" style={{ marginTop: 4 }}>
          {actions.report && (
            <Button
              size="small"
              type="primary"
              icon={<SendOutlined />}
              onClick={() => open({ kind: "report", pledge })}
            >
              {pledge.status === "REJECTED" ? t("myWork.reportAgain") : t("myWork.report")}
            </Button>
          )}
          {actions.edit && (
            <Button size="small" icon={<EditOutlined />} onClick={() => open({ kind: "edit", pledge })}>
              {t("common.edit")}
            </Button>
          )}
          {actions.withdraw && (
            <Button size="small" danger icon={<RollbackOutlined />} onClick={confirmWithdraw}>
              {t("myWork.withdraw")}
            </Button>
          )}
        </Space>
      )}
    </Flex>
  );
}

const MONTH_COLORS: Record<MonthCompliance["state"], string | undefined> = {
  compliant: "green",
  below: "red",
  notAssessed: "blue",
  notRunning: undefined,
  upcoming: undefined,
};

/** Twelve months, four a row on a phone: the visits of each and whether they met the rule. */
function MonthGrid({ months }: { months: readonly MonthCompliance[] }) {
  const { t } = useI18n();
  return (
    <div
      role="list"
      style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(72px, 1fr))", gap: 8 }}
    >
      {months.map((month) => {
        const label = t(`myWork.month.${month.state}`);
        return (
          <Tooltip key={month.month} title={label}>
            <div
              role="listitem"
              aria-label={t("myWork.month.aria", { month: month.month, visits: month.visits, state: label })}
              style={{
                border: "1px solid rgba(5,5,5,0.1)",
                borderRadius: 6,
                padding: "6px 8px",
                opacity: month.state === "notRunning" || month.state === "upcoming" ? 0.5 : 1,
              }}
            >
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("myWork.month.short", { month: month.month })}
              </Typography.Text>
              <div>
                <Tag color={MONTH_COLORS[month.state]} style={{ marginInlineEnd: 0 }}>
                  {month.required ? `${month.visits}/${month.required}` : month.visits}
                </Tag>
              </div>
            </div>
          </Tooltip>
        );
      })}
    </div>
  );
}

function VisitsList({ visits }: { visits: MyAssignment["visits"] }) {
  const { locale, t } = useI18n();
  const sorted = [...visits].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn));
  return (
    <section aria-label={t("myWork.visits")}>
      <Typography.Title level={5}>{t("myWork.visits")}</Typography.Title>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("units.visits.none")} />
      ) : (
        <ItemList
          size="small"
          ariaLabel={t("myWork.visits")}
          items={sorted}
          itemKey={(visit) => visit.id}
          pageSize={8}
          renderItem={(visit) => (
            <Flex gap="small" wrap>
              <Typography.Text strong>{formatDay(locale, visit.visitedOn)}</Typography.Text>
              <Tag>{t(`visitKind.${visit.kind}`)}</Tag>
              {visit.note && <Typography.Text type="secondary">{visit.note}</Typography.Text>}
            </Flex>
          )}
        />
      )}
    </section>
  );
}

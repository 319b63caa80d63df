import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/context";
import { formatNumber, formatTimestamp } from "../../i18n/format";
import type { InboxRow } from "./inbox-rows";

/**
 * One reported pledge waiting for the committee: what was promised and achieved, the member's report and
 * evidence, and the two decisions as buttons named after the pledge (so a screen reader says which).
 */
export function InboxCard({
  row,
  busy,
  onConfirm,
  onReject,
}: {
  row: InboxRow;
  busy: boolean;
  onConfirm: () => void;
  onReject: () => void;
}) {
  const { locale, t } = useI18n();
  const { pledge, unit } = row;
  const quantity = (value: number | null) =>
    value === null
      ? null
      : `${formatNumber(locale, value)}${pledge.targetUnit ? ` ${pledge.targetUnit}` : ""}`;
  const target = quantity(pledge.targetQuantity);
  const achieved = quantity(pledge.achievedQuantity);
  return (
    <Card size="small" data-testid="inbox-item" data-pledge-id={pledge.id}>
      <Flex vertical gap={6}>
        <Flex wrap gap="small" align="center">
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t(`unitTitle.${unit.kind}`, { name: unit.name })}
          </Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{t("inbox.year", { year: pledge.year })}</Tag>
        </Flex>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {pledge.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {[
            t("inbox.member", { name: pledge.member.fullName }),
            pledge.reportedAt && t("inbox.reportedAt", { date: formatTimestamp(locale, pledge.reportedAt) }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Typography.Text>
        {(target || achieved) && (
          <Typography.Text>
            {[
              target && t("inbox.target", { quantity: target }),
              achieved && t("inbox.achieved", { quantity: achieved }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Typography.Text>
        )}
        {pledge.reportNote && (
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
            <Typography.Text strong>{t("inbox.report")}: </Typography.Text>
            {pledge.reportNote}
          </Typography.Paragraph>
        )}
        {(pledge.evidenceNote || pledge.evidenceLinks.length > 0) && (
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text strong>{t("inbox.evidence")}: </Typography.Text>
            {pledge.evidenceNote}
            {pledge.evidenceLinks.map((link) => (
              <span key={link}>
                {" "}
                <Typography.Link href={link} target="_blank" rel="noreferrer noopener">
                  {link}
                </Typography.Link>
              </span>
            ))}
          </Typography.Paragraph>
        )}
        <Flex wrap gap="small" style={{ marginTop: 4 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy}
            onClick={onConfirm}
            aria-label={t("inbox.confirmNamed", { title: pledge.title })}
          >
            {t("inbox.confirm")}
          </Button>
          <Button
            danger
            icon={<CloseOutlined />}
            disabled={busy}
            onClick={onReject}
            aria-label={t("inbox.rejectNamed", { title: pledge.title })}
          >
            {t("inbox.reject")}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

import { CheckCircleFilled } from "@ant-design/icons";
import { Empty, Flex, Skeleton, Typography } from "antd";
import { formatTimestamp } from "../../i18n/format";
import { useI18n } from "../../i18n/context";
import { QueryFailure } from "../../shared/QueryFailure";
import type { ConfirmationFeed as Feed } from "./useDashboardData";

/** Xác nhận mới nhất: the latest confirmations in the subtree, newest first, as they land. */
export function ConfirmationFeed({ feed, large }: { feed: Feed; large: boolean }) {
  const { locale, t } = useI18n();
  if (feed.loading && feed.items.length === 0) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (feed.error && feed.items.length === 0) return <QueryFailure error={feed.error} />;
  if (feed.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.feed.none")} />;
  }
  return (
    <ol
      aria-label={t("dashboard.feed")}
      data-testid="confirmation-feed"
      style={{ listStyle: "none", margin: 0, padding: 0, maxHeight: large ? 520 : 360, overflowY: "auto" }}
    >
      {feed.items.map((item) => (
        <li
          key={item.eventId}
          data-event-id={item.eventId}
          style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}
        >
          <Flex gap="small" align="start">
            <CheckCircleFilled style={{ color: "#52c41a", marginTop: 4 }} aria-hidden />
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ fontSize: large ? 16 : 14 }}>
                {item.title || t("dashboard.feed.untitled")}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  item.unit && t(`unitTitle.${item.unit.kind}`, { name: item.unit.name }),
                  item.unit?.parent &&
                    t(`unitTitle.${item.unit.parent.kind}`, { name: item.unit.parent.name }),
                  item.year !== null && t("dashboard.feed.year", { year: item.year }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <time dateTime={item.occurredAt}>
                  {t("dashboard.feed.at", { time: formatTimestamp(locale, item.occurredAt) })}
                </time>
              </Typography.Text>
            </Flex>
          </Flex>
        </li>
      ))}
    </ol>
  );
}

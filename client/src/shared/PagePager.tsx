import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/context";

/**
 * Previous / next buttons for a cursor-paged list, with what the page shows ("Communes 101–200 of 3,300").
 * Nothing when everything fits on the first page.
 */
export function PagePager({
  index,
  hasNextPage,
  onPrevious,
  onNext,
  label,
  loading,
}: {
  index: number;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
  label: ReactNode;
  loading?: boolean;
}) {
  const { t } = useI18n();
  if (index === 0 && !hasNextPage) return null;
  return (
    <Flex
      component="nav"
      aria-label={t("common.pages")}
      wrap
      gap="small"
      align="center"
      justify="space-between"
    >
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Flex gap="small">
        <Button size="small" icon={<LeftOutlined />} disabled={index === 0 || loading} onClick={onPrevious}>
          {t("common.previousPage")}
        </Button>
        <Button size="small" disabled={!hasNextPage || loading} onClick={onNext}>
          {t("common.nextPage")} <RightOutlined />
        </Button>
      </Flex>
    </Flex>
  );
}

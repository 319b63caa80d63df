import { Flex, Spin, Typography } from "antd";
import { useI18n } from "../i18n/context";

export function Loading() {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" gap="middle" style={{ padding: 48 }} role="status">
      <Spin size="large" />
      <Typography.Text type="secondary">{t("common.loading")}</Typography.Text>
    </Flex>
  );
}

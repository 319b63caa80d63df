import { LockOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Typography } from "antd";
import { useAuth } from "../../auth/context";
import { useI18n } from "../../i18n/context";

/** In place of the cells and pledges cards for anonymous visitors: what signing in shows, and the way to it. */
export function SignInPrompt() {
  const { t } = useI18n();
  const { openSignIn } = useAuth();
  return (
    <Card>
      <Flex align="center" gap="large" wrap>
        <LockOutlined style={{ fontSize: 32, color: "rgba(0,0,0,0.35)" }} aria-hidden />
        <Flex vertical gap={4} style={{ flex: "1 1 320px" }}>
          <Typography.Text strong>{t("overview.signInPrompt.title")}</Typography.Text>
          <Typography.Text type="secondary">{t("overview.signInPrompt.text")}</Typography.Text>
        </Flex>
        <Button type="primary" onClick={openSignIn}>
          {t("auth.signIn")}
        </Button>
      </Flex>
    </Card>
  );
}

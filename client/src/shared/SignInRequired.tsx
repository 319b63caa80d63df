import { LockOutlined } from "@ant-design/icons";
import { Button, Result } from "antd";
import { useAuth } from "../auth/context";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";

/** In place of data that needs a signed-in user: what signing in shows, and the button to do it. */
export function SignInRequired({ text }: { text: MessageKey }) {
  const { t } = useI18n();
  const { openSignIn } = useAuth();
  return (
    <Result
      icon={<LockOutlined />}
      title={t("access.signIn.title")}
      subTitle={t(text)}
      extra={
        <Button type="primary" onClick={openSignIn}>
          {t("auth.signIn")}
        </Button>
      }
    />
  );
}

/** In place of a page meant for other roles (the server would refuse the data anyway). */
export function RoleRequired({ text }: { text: MessageKey }) {
  const { t } = useI18n();
  return <Result status="info" title={t("access.role.title")} subTitle={t(text)} />;
}

import { LoginOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Flex, Tooltip, Typography } from "antd";
import { headerView } from "../auth/auth-view";
import { useAuth } from "../auth/context";
import { useViewer } from "../auth/useViewer";
import { useI18n } from "../i18n/context";

/**
 * The header's right end: "Đăng nhập", or who is signed in (name, unit) and "Đăng xuất". `compact` (phones):
 * the avatar and icon buttons only, names in the tooltip and the buttons' accessible names.
 */
export function UserArea({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const { state, openSignIn, signOut } = useAuth();
  const { data } = useViewer();
  const view = headerView(state.session, data?.viewer);

  if (!view.signedIn) {
    return (
      <Button type="primary" icon={<LoginOutlined />} onClick={openSignIn} aria-label={t("auth.signIn")}>
        {!compact && t("auth.signIn")}
      </Button>
    );
  }

  const roles = view.roles.map((role) => t(`role.${role}`)).join(", ");
  return (
    <Flex align="center" gap="small" style={{ minWidth: 0 }}>
      <Tooltip title={t("auth.account", { username: view.username, roles })}>
        <Flex align="center" gap="small" style={{ minWidth: 0 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ flex: "none", backgroundColor: "#1677ff" }} />
          <Flex vertical style={{ minWidth: 0, lineHeight: 1.3, display: compact ? "none" : undefined }}>
            <Typography.Text strong ellipsis style={{ color: "#fff", maxWidth: 240 }}>
              {view.displayName}
            </Typography.Text>
            <Typography.Text
              ellipsis
              style={{ color: "rgba(255,255,255,0.65)", fontSize: 12, maxWidth: 240 }}
            >
              {t(`unitTitle.${view.unit.kind}`, { name: view.unit.name })}
            </Typography.Text>
          </Flex>
        </Flex>
      </Tooltip>
      <Button
        ghost
        size="small"
        icon={<LogoutOutlined />}
        onClick={() => void signOut()}
        aria-label={t("auth.signOut")}
      >
        {!compact && t("auth.signOut")}
      </Button>
    </Flex>
  );
}

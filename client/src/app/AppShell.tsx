import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Grid, Layout, Menu, Segmented, Typography } from "antd";
import { useState } from "react";
import { useAuth } from "../auth/context";
import { SkipLink } from "../shared/SkipLink";
import { useI18n } from "../i18n/context";
import { LiveIndicator } from "../shared/LiveIndicator";
import { formatLongDate } from "../i18n/format";
import { LOCALES, type Locale } from "../i18n/translate";
import { usePage, type PageKey } from "./navigation";
import { isPageFor } from "./page-access";
import { PAGES } from "./pages";
import { UserArea } from "./UserArea";

/** The page's content, where the skip link takes the focus. */
const MAIN_ID = "main-content";

const HEADER_HEIGHT = 56;

export function AppShell() {
  const { locale, setLocale, t } = useI18n();
  const [page, navigate] = usePage();
  const Current = (PAGES.find((entry) => entry.key === page) ?? PAGES[0]).Component;
  // A new identity mounts the page and the user area afresh: their queries run again against the cleared cache.
  const identity = useAuth().state.session?.user.username ?? "";
  // The menu lists the pages meant for the user's roles (others still open by their address).
  const roles = useAuth().state.session?.user.roles ?? null;
  // Phones (below 768 px): the header keeps what matters, the menu folds away entirely.
  const narrow = Grid.useBreakpoint().md === false;
  const [menuOpen, setMenuOpen] = useState(false);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[page]}
      onClick={({ key }) => {
        navigate(key as PageKey);
        setMenuOpen(false);
      }}
      items={PAGES.filter((entry) => isPageFor(entry.audience, roles)).map((entry) => ({
        key: entry.key,
        icon: entry.icon,
        label: t(entry.label),
      }))}
      style={{ borderInlineEnd: "none" }}
    />
  );

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <SkipLink target={MAIN_ID} />
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: narrow ? 8 : 16,
          height: HEADER_HEIGHT,
          paddingInline: narrow ? 12 : 24,
        }}
      >
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: "#fff" }} />}
            aria-label={t("nav.menu")}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Typography.Title
          level={4}
          style={{ color: "#fff", margin: 0, whiteSpace: "nowrap", ...(narrow ? { fontSize: 16 } : {}) }}
        >
          {t("app.name")}
        </Typography.Title>
        {!narrow && (
          <Typography.Text style={{ color: "rgba(255,255,255,0.65)" }} ellipsis>
            {t("app.owner")}
          </Typography.Text>
        )}
        <Flex align="center" gap={narrow ? "small" : "middle"} style={{ marginInlineStart: "auto" }}>
          <LiveIndicator tone="dark" compact={narrow} />
          {!narrow && (
            <Typography.Text style={{ color: "rgba(255,255,255,0.85)", whiteSpace: "nowrap" }}>
              {formatLongDate(locale, new Date())}
            </Typography.Text>
          )}
          <Segmented<Locale>
            aria-label={t("language.label")}
            size="small"
            value={locale}
            onChange={setLocale}
            options={LOCALES.map((value) => ({ value, label: value.toUpperCase() }))}
          />
          <UserArea key={identity} compact={narrow} />
        </Flex>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            size={260}
            title={t("app.name")}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider theme="light" width={220} breakpoint="lg" collapsible>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content
          id={MAIN_ID}
          tabIndex={-1}
          style={{ padding: narrow ? 12 : 24, minWidth: 0, outline: "none" }}
        >
          <Current key={identity} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import { Flex, Layout, Menu, Segmented, Typography } from "antd";
import { useAuth } from "../auth/context";
import { useI18n } from "../i18n/context";
import { formatLongDate } from "../i18n/format";
import { LOCALES, type Locale } from "../i18n/translate";
import { usePage, type PageKey } from "./navigation";
import { PAGES } from "./pages";
import { UserArea } from "./UserArea";

const HEADER_HEIGHT = 56;

export function AppShell() {
  const { locale, setLocale, t } = useI18n();
  const [page, navigate] = usePage();
  const Current = (PAGES.find((entry) => entry.key === page) ?? PAGES[0]).Component;
  // A new identity mounts the page and the user area afresh: their queries run again against the cleared cache.
  const identity = useAuth().state.session?.user.username ?? "";

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{ display: "flex", alignItems: "center", gap: 16, height: HEADER_HEIGHT, paddingInline: 24 }}
      >
        <Typography.Title level={4} style={{ color: "#fff", margin: 0, whiteSpace: "nowrap" }}>
          {t("app.name")}
        </Typography.Title>
        <Typography.Text style={{ color: "rgba(255,255,255,0.65)" }} ellipsis>
          {t("app.owner")}
        </Typography.Text>
        <Flex align="center" gap="middle" style={{ marginInlineStart: "auto" }}>
          <Typography.Text style={{ color: "rgba(255,255,255,0.85)", whiteSpace: "nowrap" }}>
            {formatLongDate(locale, new Date())}
          </Typography.Text>
          <Segmented<Locale>
            aria-label={t("language.label")}
            size="small"
            value={locale}
            onChange={setLocale}
            options={LOCALES.map((value) => ({ value, label: value.toUpperCase() }))}
          />
          <UserArea key={identity} />
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" width={220} breakpoint="lg" collapsible>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            onClick={({ key }) => navigate(key as PageKey)}
            items={PAGES.map((entry) => ({ key: entry.key, icon: entry.icon, label: t(entry.label) }))}
            style={{ borderInlineEnd: "none" }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Current key={identity} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

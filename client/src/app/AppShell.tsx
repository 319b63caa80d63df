import { Flex, Layout, Menu, Segmented, Typography } from "antd";
import { useI18n } from "../i18n/context";
import { formatLongDate } from "../i18n/format";
import { LOCALES, type Locale } from "../i18n/translate";
import { usePage, type PageKey } from "./navigation";
import { PAGES } from "./pages";

const HEADER_HEIGHT = 56;

export function AppShell() {
  const { locale, setLocale, t } = useI18n();
  const [page, navigate] = usePage();
  const Current = (PAGES.find((entry) => entry.key === page) ?? PAGES[0]).Component;

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
          <Current />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { App as AntApp, ConfigProvider } from "antd";
import type { Locale as AntLocale } from "antd/es/locale";
import en_GB from "antd/locale/en_GB";
import vi_VN from "antd/locale/vi_VN";
import type { ReactNode } from "react";
import type { AuthStore } from "../auth/auth-store";
import { AuthProvider } from "../auth/AuthProvider";
import { useI18n } from "../i18n/context";
import { I18nProvider } from "../i18n/I18nProvider";
import type { Locale } from "../i18n/translate";

const ANT_LOCALES: Record<Locale, AntLocale> = { vi: vi_VN, en: en_GB };

/** Card titles wrap beside their buttons instead of ending in "…" on a phone. */
const CARD = { styles: { title: { whiteSpace: "normal", paddingBlock: 8 } } } as const;

function AntDesign({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={ANT_LOCALES[locale]} card={CARD}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({
  client,
  auth,
  children,
}: {
  client: ApolloClient;
  auth: AuthStore;
  children: ReactNode;
}) {
  return (
    <ApolloProvider client={client}>
      <I18nProvider>
        <AntDesign>
          <AuthProvider store={auth}>{children}</AuthProvider>
        </AntDesign>
      </I18nProvider>
    </ApolloProvider>
  );
}

import { render, type RenderResult } from "@testing-library/react";
import { App as AntApp, ConfigProvider } from "antd";
import en_GB from "antd/locale/en_GB";
import vi_VN from "antd/locale/vi_VN";
import type { ReactElement, ReactNode } from "react";
import { AuthContext, type Auth } from "../auth/context";
import { I18nContext, type I18n } from "../i18n/context";
import { translate, type Locale } from "../i18n/translate";

/** Signed out, with sign-in and sign-out as mocks a test can inspect. */
export function fakeAuth(): Auth {
  return {
    state: { session: null, ended: null },
    openSignIn: jest.fn(),
    signOut: jest.fn(async () => undefined),
  };
}

/**
 * Renders `ui` inside what the app's providers give a page: the dictionary of `locale`, Ant Design in that
 * locale, and an auth context (signed out unless given).
 */
export function renderInApp(
  ui: ReactElement,
  { locale = "vi", auth = fakeAuth() }: { locale?: Locale; auth?: Auth } = {},
): RenderResult & { auth: Auth } {
  const i18n: I18n = {
    locale,
    setLocale: () => undefined,
    t: (key, params) => translate(locale, key, params),
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={locale === "vi" ? vi_VN : en_GB}>
        <AntApp>
          <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
  return Object.assign(render(ui, { wrapper }), { auth });
}

import dayjs from "dayjs";
import "dayjs/locale/vi";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { I18nContext, type I18n } from "./context";
import { DEFAULT_LOCALE, isLocale, translate, type Locale } from "./translate";

const STORAGE_KEY = "assignment-tracker.locale";

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage disabled (private mode, sandboxed frame)
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    dayjs.locale(initial); // dayjs's global locale is what Ant Design's date pickers read
    return initial;
  });

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, "app.name");
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    dayjs.locale(next);
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the choice then lasts for this page only
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

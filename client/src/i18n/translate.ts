import { en } from "./messages.en";
import { vi, type MessageKey } from "./messages.vi";

export type { MessageKey };
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

export const messages: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type MessageParams = Record<string, string | number>;

/** The message for `key` with `{name}` placeholders filled from `params`; unknown placeholders stay as written. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = messages[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in vi;
}

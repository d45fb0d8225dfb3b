// Locales: Simplified Chinese first (the source locale, messages/zh-CN.json), English second.
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";
/** Dates and deadlines are shown in China Standard Time unless a user setting says otherwise. */
export const TIME_ZONE = "Asia/Shanghai";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

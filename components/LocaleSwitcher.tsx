"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/features/accounts/actions";
import { LOCALES, type Locale } from "@/lib/i18n/config";

const LABEL: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

export function LocaleSwitcher() {
  const locale = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="inline-flex items-center gap-1 text-sm">
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm"
        value={locale}
        disabled={pending}
        onChange={(e) =>
          startTransition(async () => {
            await setLocale(null, { locale: e.target.value as Locale });
            router.refresh();
          })
        }
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABEL[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

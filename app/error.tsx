"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">{t("unexpectedTitle")}</h1>
      <p className="text-sm text-slate-600">{t("unexpected")}</p>
      <button type="button" onClick={reset} className="rounded bg-brand-600 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}

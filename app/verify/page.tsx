// Public: enter a certificate number to verify it. A GET form, so it works without JavaScript.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/AppShell";
import { PublicShell } from "@/components/PublicShell";
import { normaliseCode } from "@/features/certificates/code";

export default async function VerifyFormPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const t = await getTranslations("certificate");
  const { code } = await searchParams;
  const normalised = code ? normaliseCode(code) : null;
  if (normalised) redirect(`/verify/${normalised}`);
  return (
    <PublicShell title={t("verifyTitle")}>
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("verifyIntro")}</p>
        <form method="get" className="space-y-2">
          <label htmlFor="code" className="block text-sm font-medium">
            {t("verifyInput")}
          </label>
          <input id="code" name="code" defaultValue={code ?? ""} autoComplete="off" autoCapitalize="characters" className="w-full rounded-md border border-slate-300 px-3 py-2.5 font-mono text-base" />
          {code ? (
            <p role="alert" className="text-sm text-red-700">
              {t("verifyMalformed")}
            </p>
          ) : null}
          <button type="submit" className="w-full rounded-md bg-brand-600 py-3 font-semibold text-white">
            {t("verifySubmit")}
          </button>
        </form>
      </Card>
    </PublicShell>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppShell, Card } from "@/components/AppShell";
import { annexData } from "@/features/coverage/annex";
import { AnnexForm } from "@/features/coverage/components/AnnexForm";
import { ADMIN_START_REGION } from "@/features/coverage/query";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

const querySchema = z.object({ region: z.string().regex(/^\d{6}$/).optional().catch(undefined), period: z.string().max(20).optional().catch(undefined) });

/** Seed 002's annex table: the figures the platform has no source for, entered by the regulator. */
export default async function AnnexPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("regulator.view");
  const t = await getTranslations("annex");
  const q = querySchema.parse(await searchParams);
  const regionCode = q.region ?? user.regionCode ?? ADMIN_START_REGION;
  const data = await pageData(annexData(user, regionCode, q.period));
  return (
    <AppShell user={user} title={t("title")}>
      <Link href={regionCode === user.regionCode ? "/regulator" : `/regulator/regions/${regionCode}`} className="mb-2 inline-block text-sm text-brand-600">
        ← {data.region.name}
      </Link>
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("hint", { region: data.region.name, period: data.period.name, year: data.baseYear })}</p>
        <AnnexForm regionCode={regionCode} periodId={data.period.id} baseYear={data.baseYear} rows={data.rows} />
        <a href={`/api/coverage/annex?region=${regionCode}&period=${data.period.id}`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
          {t("download")}
        </a>
      </Card>
    </AppShell>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, EmptyState } from "@/components/AppShell";
import { AuditLog } from "@/features/audit/components/AuditLog";
import { listAudit } from "@/features/audit/data";
import { auditFilterSchema } from "@/features/audit/schemas";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

/** 操作日志: sensitive actions in the regulator's region (an administrator: all of them). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("regulator.view");
  const t = await getTranslations();
  const back = (
    <Link href={user.role === "ADMIN" ? "/admin" : "/regulator"} className="mb-2 inline-block text-sm text-brand-600">
      ← {user.role === "ADMIN" ? t("admin.title") : t("regulator.title")}
    </Link>
  );
  if (user.role === "REGULATOR" && !user.regionCode) {
    return (
      <AppShell user={user} title={t("audit.title")}>
        {back}
        <EmptyState>{t("regulator.noRegion")}</EmptyState>
      </AppShell>
    );
  }
  const filter = auditFilterSchema.parse(await searchParams);
  const data = await pageData(listAudit(user, filter));
  return (
    <AppShell user={user} title={t("audit.title")}>
      {back}
      <p className="mb-3 text-sm text-slate-600">{user.role === "ADMIN" ? t("audit.introAdmin") : t("audit.intro")}</p>
      <AuditLog data={data} filter={filter} basePath="/regulator/audit" showIp={user.role === "ADMIN"} />
    </AppShell>
  );
}

// 一企一档: every staff member of an enterprise with their courses' hours, completion, best score and
// certificate; for the enterprise's admin, regulators of its region and administrators.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { enterpriseRecord } from "@/features/records/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function EnterpriseRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("account.self");
  const { id } = await params;
  const [t, record] = await Promise.all([getTranslations("record"), pageData(enterpriseRecord(user, id))]);
  return (
    <AppShell user={user} title={t("enterpriseTitle", { name: record.enterprise.name })}>
      <Card>
        <p className="text-sm text-slate-700">
          {record.enterprise.creditCode} · {record.enterprise.industry} · {record.enterprise.region}
        </p>
        <a href={`/api/enterprise-records/${id}/xlsx`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline" data-testid="enterprise-record-xlsx" download>
          {t("downloadXlsx")}
        </a>
      </Card>
      {record.staff.length === 0 ? <EmptyState>{t("noStaff")}</EmptyState> : null}
      <div className="space-y-3" data-testid="enterprise-record">
        {record.staff.map((s) => (
          <Card key={s.id}>
            <Link href={`/records/learners/${s.id}`} className="font-medium text-brand-700 underline">
              {s.name}
            </Link>
            <span className="ml-2 text-xs text-slate-500">
              {s.position ?? "—"} · {s.mobile}
            </span>
            {s.courses.length === 0 ? <p className="mt-1 text-sm text-slate-500">{t("noCourses")}</p> : null}
            <ul className="mt-1 space-y-1 text-sm">
              {s.courses.map((c) => (
                <li key={c.id}>
                  {c.title}：{t("hours", { done: c.hoursDone, required: c.hoursRequired })}
                  {c.bestScore !== null ? ` · ${t("bestScore", { score: c.bestScore })}` : ""}
                  {c.certificate ? ` · ${t(`status.${c.certificate.status}`)}` : ""}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </AppShell>
  );
}

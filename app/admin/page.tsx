import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card } from "@/components/AppShell";
import { platformCounts } from "@/features/admin/data";
import { RevokeForm } from "@/features/certificates/components/RevokeForm";
import { requirePage } from "@/lib/authz";
import { ROLES } from "@/lib/roles";

export default async function AdminHome() {
  const user = await requirePage("admin.manage");
  const [t, counts] = await Promise.all([getTranslations(), platformCounts()]);
  return (
    <AppShell user={user} title={t("admin.title")}>
      <nav className="mb-3 flex flex-wrap gap-2 text-sm" data-testid="admin-nav">
        <Link href="/admin/users" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:border-brand-600">
          {t("admin.usersLink")}
        </Link>
        <Link href="/regulator/audit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:border-brand-600">
          {t("admin.auditLink")}
        </Link>
      </nav>
      <Card title={t("admin.users")} testId="admin-users">
        <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
          {ROLES.map((r) => (
            <li key={r} className="flex justify-between rounded bg-slate-50 px-3 py-2">
              <span>{t(`roles.${r}`)}</span>
              <span className="tabular-nums">{counts.usersByRole[r] ?? 0}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("admin.data")}>
        <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
          {(["regions", "enterprises", "schools", "courses", "questions"] as const).map((k) => (
            <li key={k} className="flex justify-between rounded bg-slate-50 px-3 py-2">
              <span>{t(`admin.${k}`)}</span>
              <span className="tabular-nums">{counts[k]}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("certificate.revokeTitle")} testId="admin-revoke">
        <p className="mb-3 text-sm text-slate-600">{t("certificate.revokeIntro")}</p>
        <RevokeForm />
      </Card>
      <div className="flex gap-3 text-sm">
        <Link href="/regulator" className="text-brand-600 underline">{t("admin.regulatorView")}</Link>
        <Link href="/provider" className="text-brand-600 underline">{t("admin.catalog")}</Link>
      </div>
    </AppShell>
  );
}

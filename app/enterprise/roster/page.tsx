import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { LeaveButton } from "@/features/rosters/components/LeaveButton";
import { enterpriseRoster } from "@/features/rosters/data";
import { dayOf } from "@/features/rosters/rules";
import { requirePage } from "@/lib/authz";
import { db } from "@/lib/db";
import { maskMobile } from "@/lib/identifiers";
import { pageData } from "@/lib/page";

const querySchema = z.object({
  q: z.string().trim().max(40).optional().catch(undefined),
  position: z.string().max(40).optional().catch(undefined),
  status: z.enum(["current", "left", "all"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** 花名册: the enterprise's roster, searchable, with leavers marked and the import one tap away. */
export default async function RosterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("enterprise.manage");
  const t = await getTranslations();
  if (!user.enterpriseId) {
    return (
      <AppShell user={user} title={t("roster.title")}>
        <EmptyState>{t("enterprise.noEnterprise")}</EmptyState>
      </AppShell>
    );
  }
  const query = querySchema.parse(await searchParams);
  const [roster, positions] = await Promise.all([
    pageData(enterpriseRoster(user, user.enterpriseId, query)),
    db.positionCategory.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true } }),
  ]);
  const today = dayOf(new Date());
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (query.q) p.set("q", query.q);
    if (query.position) p.set("position", query.position);
    if (query.status) p.set("status", query.status);
    p.set("page", String(page));
    return `/enterprise/roster?${p}`;
  };
  return (
    <AppShell user={user} title={t("roster.title")}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <Link href="/enterprise" className="text-sm text-brand-600">
          ← {t("enterprise.title")}
        </Link>
        <Link href="/enterprise/roster/import" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white" data-testid="import-link">
          {t("roster.import")}
        </Link>
      </div>
      <Card>
        <form className="flex flex-wrap gap-2 text-sm" method="get">
          <input name="q" defaultValue={query.q ?? ""} placeholder={t("roster.search")} aria-label={t("roster.search")} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1.5" />
          <select name="position" defaultValue={query.position ?? ""} aria-label={t("roster.column.position")} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("roster.allPositions")}</option>
            {positions.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          <select name="status" defaultValue={query.status ?? "current"} aria-label={t("roster.status")} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="current">{t("roster.statusCurrent")}</option>
            <option value="left">{t("roster.statusLeft")}</option>
            <option value="all">{t("roster.statusAll")}</option>
          </select>
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">
            {t("roster.filter")}
          </button>
        </form>
      </Card>
      <Card title={t("roster.count", { count: roster.total })}>
        {roster.people.length === 0 ? (
          <EmptyState>{query.q || query.position ? t("roster.noMatch") : t("roster.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="roster-list">
            {roster.people.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    <Link href={`/records/learners/${p.id}`} className="text-brand-700 underline">
                      {p.name}
                    </Link>
                    {p.leftOn ? <span className="ml-1 rounded bg-slate-200 px-1 text-xs text-slate-700">{t("roster.leftOn", { date: dayOf(p.leftOn) })}</span> : null}
                    {p.mustChangePassword ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("roster.notLoggedIn")}</span> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {p.position?.name ?? t("enterprise.otherStaff")} · {maskMobile(p.mobile)}
                    {p.idNumberMasked ? ` · ${p.idNumberMasked}` : ""}
                    {p.hiredOn ? ` · ${t("roster.hiredOn", { date: dayOf(p.hiredOn) })}` : ""}
                  </p>
                </div>
                <LeaveButton personId={p.id} name={p.name} left={p.leftOn !== null} today={today} />
              </li>
            ))}
          </ul>
        )}
        {roster.pages > 1 ? (
          <nav className="mt-3 flex items-center justify-between text-sm" aria-label={t("roster.pages")}>
            {roster.page > 1 ? <Link href={href(roster.page - 1)}>← {t("roster.previous")}</Link> : <span />}
            <span className="text-slate-500">
              {roster.page} / {roster.pages}
            </span>
            {roster.page < roster.pages ? <Link href={href(roster.page + 1)}>{t("roster.next")} →</Link> : <span />}
          </nav>
        ) : null}
      </Card>
    </AppShell>
  );
}

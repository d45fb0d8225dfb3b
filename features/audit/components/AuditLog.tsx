// The audit log viewer: filters as GET parameters (action, Beijing dates, actor's mobile), the events of
// one page as cards on a phone and as a table from the small breakpoint up, and page links.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/AppShell";
import { DataTable, type Column } from "@/components/DataTable";
import { TIME_ZONE } from "@/lib/i18n/config";
import type { AuditPage } from "../data";
import type { AuditDetail } from "../rules";
import { AUDIT_ACTIONS, type AuditFilter } from "../schemas";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

const ROLE_KEYS = new Set(["from", "to", "role"]);

/** The detail in words: "学员 → 人社监管（东区）" for a role change, else "label: value" pairs. */
function describe(t: Translate, detail: AuditDetail | null): string {
  if (!detail) return "";
  const role = (v: unknown) => (typeof v === "string" && t.has(`roles.${v}`) ? t(`roles.${v}`) : String(v ?? ""));
  const parts: string[] = [];
  if (detail.from !== undefined && detail.to !== undefined) {
    const scoped = (r: unknown, scope: unknown) => `${role(r)}${scope ? `（${String(scope)}）` : ""}`;
    parts.push(`${scoped(detail.from, detail.fromScope)} → ${scoped(detail.to, detail.toScope)}`);
  }
  for (const [key, value] of Object.entries(detail)) {
    if (["from", "to", "fromScope", "toScope"].includes(key) || value === null) continue;
    const label = t.has(`audit.detail.${key}`) ? t(`audit.detail.${key}`) : key;
    const shown =
      typeof value === "boolean"
        ? t(value ? "audit.yes" : "audit.no")
        : ROLE_KEYS.has(key)
          ? role(value)
          : key === "kind" && t.has(`audit.kinds.${value}`)
            ? t(`audit.kinds.${value}`)
            : String(value);
    parts.push(`${label}：${shown}`);
  }
  return parts.join("；");
}

export async function AuditLog({ data, filter, basePath, showIp }: { data: AuditPage; filter: AuditFilter; basePath: string; showIp: boolean }) {
  const t = await getTranslations();
  const when = (at: Date) => at.toLocaleString("zh-CN", { timeZone: TIME_ZONE, hour12: false });
  const rows = data.events.map((e) => ({
    at: when(e.at),
    actor: e.actor.name ? `${e.actor.name} ${e.actor.mobile}` : t(`roles.${e.actor.role}`),
    action: t(`audit.actions.${e.action}`),
    target: e.target ?? "",
    scope: [e.region, e.organisation].filter(Boolean).join(" · "),
    detail: describe(t, e.detail),
    ip: e.ip ?? "",
  }));
  const columns: Column[] = [
    { key: "at", header: t("audit.column.at") },
    { key: "actor", header: t("audit.column.actor") },
    { key: "action", header: t("audit.column.action") },
    { key: "target", header: t("audit.column.target"), wrap: true },
    { key: "scope", header: t("audit.column.scope"), wrap: true },
    { key: "detail", header: t("audit.column.detail"), wrap: true },
    ...(showIp ? [{ key: "ip", header: t("audit.column.ip") }] : []),
  ];
  const filtered = Boolean(filter.action || filter.from || filter.to || filter.actor);
  const href = (page: number) => {
    const p = new URLSearchParams();
    for (const k of ["action", "from", "to", "actor"] as const) if (filter[k]) p.set(k, filter[k]!);
    p.set("page", String(page));
    return `${basePath}?${p}`;
  };
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <>
      <Card>
        <form method="get" className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="audit-filters">
          <label className="col-span-2 block">
            <span className="text-xs text-slate-600">{t("audit.filter.action")}</span>
            <select name="action" defaultValue={filter.action ?? ""} className={input}>
              <option value="">{t("audit.filter.allActions")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="text-xs text-slate-600">{t("audit.filter.from")}</span>
            <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
          </label>
          <label className="block">
            <span className="text-xs text-slate-600">{t("audit.filter.to")}</span>
            <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
          </label>
          <label className="col-span-2 block sm:col-span-1">
            <span className="text-xs text-slate-600">{t("audit.filter.actor")}</span>
            <input name="actor" inputMode="numeric" defaultValue={filter.actor ?? ""} maxLength={11} className={input} />
          </label>
          <div className="col-span-2 flex gap-2 sm:col-span-5">
            <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">
              {t("audit.filter.submit")}
            </button>
            {filtered ? (
              <Link href={basePath} className="rounded bg-slate-100 px-3 py-1.5">
                {t("audit.filter.clear")}
              </Link>
            ) : null}
          </div>
        </form>
      </Card>
      <Card title={t("audit.count", { count: data.total })} testId="audit-log">
        {data.total === 0 ? (
          <EmptyState>{filtered ? t("audit.noMatch") : t("audit.empty")}</EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-100 text-sm sm:hidden" data-testid="audit-cards">
              {rows.map((r, i) => (
                <li key={data.events[i]!.id} className="py-2" data-testid="audit-card">
                  <p className="flex justify-between gap-2">
                    <span className="font-medium">{r.action}</span>
                    <span className="shrink-0 text-xs text-slate-500 tabular-nums">{r.at}</span>
                  </p>
                  <p className="text-xs text-slate-600">{r.actor}</p>
                  {r.target || r.scope ? <p className="break-words text-xs text-slate-600">{[r.target, r.scope].filter(Boolean).join(" · ")}</p> : null}
                  {r.detail ? <p className="break-words text-xs text-slate-500">{r.detail}</p> : null}
                  {r.ip ? <p className="text-xs text-slate-400">IP {r.ip}</p> : null}
                </li>
              ))}
            </ul>
            <div className="hidden sm:block">
              <DataTable columns={columns} rows={rows} testId="audit-table" pageSize={data.events.length || 1} filterable={false} empty={t("audit.empty")} />
            </div>
          </>
        )}
        {data.pages > 1 ? (
          <nav className="mt-3 flex items-center justify-between text-sm" aria-label={t("table.pages")}>
            {data.page > 1 ? <Link href={href(data.page - 1)}>← {t("table.previous")}</Link> : <span />}
            <span className="text-slate-500">
              {data.page} / {data.pages}
            </span>
            {data.page < data.pages ? <Link href={href(data.page + 1)}>{t("table.next")} →</Link> : <span />}
          </nav>
        ) : null}
      </Card>
    </>
  );
}

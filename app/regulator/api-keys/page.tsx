import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { listApiKeys } from "@/features/feed/data";
import { CreateApiKey, RevokeApiKey } from "@/features/feed/components/ApiKeyForms";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

/** API keys of the read-only data feed for upstream regulator systems. */
export default async function ApiKeysPage() {
  const user = await requirePage("regulator.view");
  const t = await getTranslations("feed");
  const keys = await pageData(listApiKeys(user));
  const fmt = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—");
  return (
    <AppShell user={user} title={t("title")}>
      <Link href="/regulator" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("back")}
      </Link>
      <Card>
        <p className="mb-2 text-sm text-slate-600">{t("hint")}</p>
        <pre className="mb-3 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{`curl -H "Authorization: Bearer <key>" \\\n  "$SITE/api/feed/v1/coverage?table=enterprise&format=csv"`}</pre>
        <CreateApiKey />
      </Card>
      <Card title={t("keys")}>
        {keys.length === 0 ? (
          <EmptyState>{t("none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {keys.map((k) => (
              <li key={k.id} className="flex items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {k.name} <code className="text-xs text-slate-500">{k.prefix}…</code>
                    {k.revokedAt ? <span className="ml-1 rounded bg-slate-200 px-1 text-xs">{t("revoked")}</span> : null}
                  </p>
                  <p className="text-xs text-slate-500">{t("meta", { region: k.regionCode, created: fmt(k.createdAt), used: fmt(k.lastUsedAt) })}</p>
                </div>
                {k.revokedAt ? null : <RevokeApiKey id={k.id} name={k.name} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </AppShell>
  );
}

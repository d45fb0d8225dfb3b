import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, Card, EmptyState } from "@/components/AppShell";
import { AccountStatus } from "@/features/admin/components/AccountStatus";
import { RoleForm } from "@/features/admin/components/RoleForm";
import { accountForAdmin, findAccounts, roleFormOptions } from "@/features/admin/data";
import { userSearchSchema } from "@/features/admin/schemas";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

/** 用户管理: find an account by mobile number or name, change its role and scope, disable or enable it. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("admin.manage");
  const t = await getTranslations();
  const query = userSearchSchema.parse(await searchParams);
  const [found, account, options] = await Promise.all([
    query.q ? findAccounts(user, query.q) : null,
    query.user ? pageData(accountForAdmin(user, query.user)) : null,
    query.user ? roleFormOptions(user) : null,
  ]);
  const open = (id: string) => `/admin/users?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), user: id })}`;
  return (
    <AppShell user={user} title={t("adminUsers.title")}>
      <Link href="/admin" className="mb-2 inline-block text-sm text-brand-600">
        ← {t("admin.title")}
      </Link>
      <Card>
        <form method="get" className="flex gap-2 text-sm">
          <input
            name="q"
            defaultValue={query.q ?? ""}
            placeholder={t("adminUsers.search")}
            aria-label={t("adminUsers.search")}
            className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1.5"
          />
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white">
            {t("adminUsers.find")}
          </button>
        </form>
        {found ? (
          found.accounts.length === 0 ? (
            <div className="mt-3">
              <EmptyState>{t("adminUsers.noMatch")}</EmptyState>
            </div>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="account-list">
              {found.accounts.map((a) => (
                <li key={a.id} className="py-2">
                  <Link href={open(a.id)} className="font-medium text-brand-700 underline">
                    {a.name}
                  </Link>
                  <span className="ml-2 text-xs text-slate-500">
                    {a.mobile} · {t(`roles.${a.role}`)}
                    {a.scope ? ` · ${a.scope}` : ""}
                  </span>
                  {a.disabled ? <span className="ml-1 rounded bg-slate-200 px-1 text-xs">{t("adminUsers.disabled")}</span> : null}
                </li>
              ))}
              {found.more ? <li className="py-2 text-xs text-slate-500">{t("adminUsers.more")}</li> : null}
            </ul>
          )
        ) : null}
      </Card>
      {account && options ? (
        <Card title={account.name} testId="account-panel">
          <p className="mb-3 text-sm text-slate-600" data-testid="account-summary">
            {account.mobile} · {t(`roles.${account.role}`)}
            {account.scope ? ` · ${account.scope}` : ""}
            {account.disabled ? ` · ${t("adminUsers.disabled")}` : ""}
          </p>
          {account.id === user.id ? (
            <EmptyState>{t("adminUsers.self")}</EmptyState>
          ) : (
            <div className="space-y-4">
              <RoleForm key={account.id} account={account} regions={options.regions} schools={options.schools} />
              <AccountStatus key={account.id} userId={account.id} name={account.name} disabled={account.disabled} />
            </div>
          )}
        </Card>
      ) : null}
    </AppShell>
  );
}

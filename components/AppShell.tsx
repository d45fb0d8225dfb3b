import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { logoutForm } from "@/features/accounts/actions";
import { ROLE_HOME } from "@/lib/roles";
import type { SessionUser } from "@/lib/session";
import { LocaleSwitcher } from "./LocaleSwitcher";

/** The page frame of a signed-in user: phone-first header, one column up to a readable width. */
export async function AppShell({ user, title, children }: { user: SessionUser; title: string; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-10 bg-brand-600 text-white shadow">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-2">
          <Link href={ROLE_HOME[user.role]} className="truncate font-semibold">
            {t("app.name")}
          </Link>
          <div className="flex shrink-0 items-center gap-2 text-sm">
            <span className="hidden sm:inline" data-testid="current-user">
              {user.name} · {t(`roles.${user.role}`)}
            </span>
            <Link href="/account/password" className="underline-offset-2 hover:underline">
              {t("nav.account")}
            </Link>
            <form action={logoutForm}>
              <button type="submit" className="rounded bg-white/15 px-2 py-1 hover:bg-white/25">
                {t("nav.logout")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-4">
        <div className="mb-4 flex items-center justify-between gap-2">
          <h1 className="text-xl font-semibold">{title}</h1>
          <span className="text-xs text-slate-500 sm:hidden" data-testid="current-user-mobile">
            {user.name} · {t(`roles.${user.role}`)}
          </span>
        </div>
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-2 text-xs text-slate-500">
          <span>{t("app.footer")}</span>
          <LocaleSwitcher />
        </div>
      </footer>
    </div>
  );
}

export function Card({ title, children, testId }: { title?: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      {title ? <h2 className="mb-2 font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">{children}</p>;
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "./LocaleSwitcher";

/** The frame of a public page (no sign-in): the platform's name, the content, the language switch. */
export async function PublicShell({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-600 text-white shadow">
        <div className="mx-auto max-w-3xl px-4 py-2">
          <Link href="/" className="font-semibold">
            {t("app.name")}
          </Link>
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-4">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-2 text-xs text-slate-500">
          <span>{t("app.footer")}</span>
          <LocaleSwitcher />
        </div>
      </footer>
    </div>
  );
}

"use client";
// The satisfaction dashboard's client part: the free-text comments with a filter and pages. (Its charts
// are drawn on the server: SatisfactionFigures.tsx.)

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";

type Comment = { id: string; surveyTitle: string; question: string; text: string; day: string; enterpriseName: string; anonymous: boolean };

const PAGE = 10;

/** The free-text answers, newest first: filtered by any words of the text, survey, question or enterprise. */
export function CommentList({ comments }: { comments: Comment[] }) {
  const t = useTranslations("satisfaction");
  const tt = useTranslations("table");
  const [filter, setFilter] = useState("");
  const [page, setPage] = useState(0);
  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return comments;
    return comments.filter((c) => {
      const hay = `${c.text} ${c.surveyTitle} ${c.question} ${c.enterpriseName}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [comments, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  if (comments.length === 0) return <p className="py-4 text-center text-sm text-slate-500">{t("commentsNone")}</p>;
  return (
    <div>
      <input
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setPage(0);
        }}
        placeholder={t("commentsFilter")}
        aria-label={t("commentsFilter")}
        className="mb-2 w-full rounded border border-slate-300 px-2 py-1.5 text-sm"
        data-testid="sat-comments-filter"
      />
      {shown.length === 0 ? <p className="py-3 text-center text-sm text-slate-500">{t("commentsNoMatch")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {shown.slice(current * PAGE, current * PAGE + PAGE).map((c) => (
          <li key={c.id} className="py-2" data-testid="sat-comment">
            <p className="text-sm break-words whitespace-pre-line text-slate-900">{c.text}</p>
            <p className="mt-0.5 text-xs break-words text-slate-500">
              <span data-testid="sat-comment-day">{c.day}</span> · {c.surveyTitle} · {c.question}
              {c.anonymous ? ` · ${t("anonymous")}` : c.enterpriseName ? ` · ${c.enterpriseName}` : ""}
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="mt-2 flex items-center justify-between text-sm" aria-label={tt("pages")}>
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0} className="rounded px-2 py-1 disabled:opacity-40">
            ← {tt("previous")}
          </button>
          <span className="text-xs text-slate-500">{t("commentsPage", { page: current + 1, pages, count: shown.length })}</span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1} className="rounded px-2 py-1 disabled:opacity-40">
            {tt("next")} →
          </button>
        </nav>
      ) : null}
    </div>
  );
}

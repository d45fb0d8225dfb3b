"use client";
// The satisfaction dashboard's client parts: the monthly trend against the target line and the item
// averages (Chart.js on canvas, light on phones; the same figures are in the tables beside them, and each
// chart has a text alternative), and the free-text comments with a filter and pages.

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Bar, Line } from "@/components/charts";

// The 100-point scale: 20 (very dissatisfied) is the lowest a questionnaire can score.
const axis = { min: 0, max: 100 };

export function SatisfactionTrend({
  points,
  target,
  labels,
}: {
  points: { month: string; average: number | null; respondents: number }[];
  target: number;
  labels: { average: string; target: string; summary: string };
}) {
  return (
    <div className="h-56" role="img" aria-label={labels.summary}>
      <Line
        data={{
          labels: points.map((p) => p.month),
          datasets: [
            { label: labels.average, data: points.map((p) => p.average), borderColor: "#1d4ed8", backgroundColor: "#1d4ed8", tension: 0.2, spanGaps: true },
            { label: labels.target, data: points.map(() => target), borderColor: "#dc2626", borderDash: [6, 4], pointRadius: 0 },
          ],
        }}
        options={{ maintainAspectRatio: false, animation: false, scales: { y: axis }, plugins: { legend: { position: "bottom" } } }}
      />
    </div>
  );
}

export function ItemBars({ bars, target, labels }: { bars: { name: string; average: number }[]; target: number; labels: { average: string; summary: string } }) {
  if (bars.length === 0) return null;
  return (
    <div className="mb-3" style={{ height: Math.max(120, bars.length * 28 + 40) }} role="img" aria-label={labels.summary}>
      <Bar
        data={{
          labels: bars.map((b) => (b.name.length > 14 ? `${b.name.slice(0, 13)}…` : b.name)),
          datasets: [{ label: labels.average, data: bars.map((b) => b.average), backgroundColor: bars.map((b) => (b.average < target ? "#dc2626" : "#16a34a")) }],
        }}
        options={{ indexAxis: "y", maintainAspectRatio: false, animation: false, scales: { x: axis }, plugins: { legend: { display: false } } }}
      />
    </div>
  );
}

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

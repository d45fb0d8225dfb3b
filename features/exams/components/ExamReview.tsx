// After submission: each question with the learner's answer, the right one and the explanation.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/AppShell";

type ReviewQuestion = {
  id: string;
  type: "single" | "multiple" | "true_false";
  stem: string;
  options: { key: string; text: string }[];
  chosen: string[];
  key?: string[];
  correct?: boolean;
  explanation?: string;
  basis?: string;
};

const LABELS = "ABCDEFGH";

export async function ExamReview({ questions }: { questions: ReviewQuestion[] }) {
  const t = await getTranslations("exam");
  // Options are shown in the order the learner saw them; name them by that position (A, B, …).
  const label = (q: ReviewQuestion, keys: string[]) =>
    q.type === "true_false" ? keys.map((k) => (k === "T" ? t("true") : t("false"))).join("") : keys.map((k) => LABELS[q.options.findIndex((o) => o.key === k)] ?? "?").sort().join("");
  return (
    <Card title={t("reviewTitle")} testId="exam-review">
      <ol className="space-y-4">
        {questions.map((q, i) => (
          <li key={q.id} className="text-sm" data-testid="review-item">
            <p className="font-medium">
              {i + 1}. {q.stem}{" "}
              <span className={q.correct ? "text-green-800" : "text-red-700"}>（{q.correct ? t("right") : t("wrong")}）</span>
            </p>
            {q.type !== "true_false" ? (
              <ul className="mt-1 space-y-0.5 text-slate-700">
                {q.options.map((o, j) => (
                  <li key={o.key}>
                    {LABELS[j]}. {o.text}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="mt-1">{q.chosen.length > 0 ? t("yourAnswer", { answer: label(q, q.chosen) }) : t("noAnswer")}</p>
            <p>{t("correctAnswer", { answer: label(q, q.key ?? []) })}</p>
            {q.explanation ? <p className="mt-1 text-slate-700">{q.explanation}</p> : null}
            {q.basis ? <p className="text-xs text-slate-500">{t("basis", { basis: q.basis })}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

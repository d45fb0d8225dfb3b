"use client";

// Practice quiz on a lesson's questions with react-quiz-component (loaded only when the learner starts
// it). The attempt is graded and saved on the server; practice never counts as an exam.
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { QuizSource } from "react-quiz-component";
import { saveQuizAttemptAction } from "../actions";

const Quiz = dynamic(() => import("react-quiz-component"), { ssr: false, loading: () => <QuizLoading /> });

function QuizLoading() {
  const t = useTranslations("learn.quiz");
  return <p className="text-sm text-slate-500">{t("loading")}</p>;
}

export type PracticeQuestion = { id: string; multiple: boolean; stem: string; answers: string[]; correct: number[]; explanation: string };

type QuizSummary = { userInput?: (number | number[])[] };

const ZH_LABELS = {
  landingHeaderText: "共 <questionLength> 题",
  question: "题目",
  startQuizBtn: "开始答题",
  resultFilterAll: "全部",
  resultFilterCorrect: "答对",
  resultFilterIncorrect: "答错",
  resultFilterUnanswered: "未答",
  nextQuestionBtn: "下一题",
  prevQuestionBtn: "上一题",
  resultPageHeaderText: "练习完成：共 <questionLength> 题，答对 <correctIndexLength> 题。",
  resultPagePoint: "得分 <correctPoints> / <totalPoints>。",
  singleSelectionTagText: "单选",
  multipleSelectionTagText: "多选",
  pickNumberOfSelection: "选择 <numberOfSelection> 项",
  marksOfQuestion: "（<marks> 分）",
};

export function PracticeQuiz({ lessonId, title, questions, last }: { lessonId: string; title: string; questions: PracticeQuestion[]; last: { correct: number; total: number } | null }) {
  const t = useTranslations("learn.quiz");
  const locale = useLocale();
  const [round, setRound] = useState(0);
  const [started, setStarted] = useState(false);
  const [saved, setSaved] = useState<{ correct: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const quiz = useMemo<QuizSource>(
    () => ({
      quizTitle: title,
      quizSynopsis: "",
      ...(locale === "en" ? {} : { appLocale: ZH_LABELS }),
      nrOfQuestions: String(questions.length),
      questions: questions.map((q) => ({
        question: q.stem,
        questionType: "text" as const,
        answerSelectionType: q.multiple ? ("multiple" as const) : ("single" as const),
        answers: q.answers,
        correctAnswer: q.multiple ? q.correct : String(q.correct[0]),
        messageForCorrectAnswer: locale === "en" ? "Correct." : "回答正确。",
        messageForIncorrectAnswer: locale === "en" ? "Not right." : "回答错误。",
        explanation: q.explanation,
        point: "1",
      })),
    }),
    [questions, title, t, locale],
  );

  if (questions.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;

  const onComplete = async (summary: QuizSummary) => {
    const input = summary.userInput ?? [];
    const answers = questions.map((q, i) => {
      const v = input[i];
      return { questionId: q.id, chosen: Array.isArray(v) ? v : typeof v === "number" ? [v] : [] };
    });
    const result = await saveQuizAttemptAction(null, { lessonId, answers });
    if (result.ok) {
      setSaved(result.data);
      setError(null);
    } else setError(t("saveFailed"));
  };

  return (
    <div data-testid="practice-quiz" className="space-y-3 text-sm">
      <p className="text-slate-600">{t("note")}</p>
      {last && !saved ? <p className="text-slate-500">{t("lastAttempt", last)}</p> : null}
      {saved ? (
        <p role="status" data-testid="quiz-saved" className="rounded bg-green-50 p-2 text-green-800">
          {t("saved", saved)}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-700">
          {error}
        </p>
      ) : null}
      {started ? (
        <div className="quiz-host" key={round}>
          <Quiz quiz={quiz} shuffle={false} showInstantFeedback onComplete={onComplete} />
        </div>
      ) : null}
      {!started || saved ? (
        <button
          type="button"
          onClick={() => {
            setSaved(null);
            setStarted(true);
            setRound((r) => r + 1);
          }}
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white"
        >
          {saved ? t("again") : t("start")}
        </button>
      ) : null}
    </div>
  );
}

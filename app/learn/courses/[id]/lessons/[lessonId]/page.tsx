import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Markdown from "react-markdown";
import { AppShell, Card } from "@/components/AppShell";
import { LessonHazards } from "@/features/learning/components/LessonHazards";
import { PracticeQuiz } from "@/features/learning/components/PracticeQuiz";
import { ReadingLesson } from "@/features/learning/components/ReadingLesson";
import { VideoLesson } from "@/features/learning/components/VideoLesson";
import { creditingConfig } from "@/features/learning/config";
import { lessonPage } from "@/features/learning/data";
import { practiceQuizOf } from "@/features/learning/ledger";
import { requirePage } from "@/lib/authz";
import { env } from "@/lib/env";

export default async function LessonPage({ params }: { params: Promise<{ id: string; lessonId: string }> }) {
  const user = await requirePage("learning.own");
  const { id, lessonId } = await params;
  const data = await lessonPage(user, id, lessonId);
  if (!data) notFound();
  const [t, practice] = await Promise.all([getTranslations(), practiceQuizOf(lessonId)]);
  const { lesson, progress, course } = data;
  const config = creditingConfig();
  const initial = { creditedSeconds: progress.creditedSeconds, furthestSeconds: progress.furthestSeconds, completed: progress.completed };

  return (
    <AppShell user={user} title={lesson.title}>
      <p className="mb-3 text-sm">
        <Link href={`/learn/courses/${course.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("learn.lesson.back")}
        </Link>
        <span className="ml-2 text-slate-500">{course.title}</span>
      </p>
      {lesson.kind === "VIDEO" ? (
        <>
          <VideoLesson
            userId={user.id}
            lessonId={lesson.id}
            title={lesson.title}
            src={lesson.videoSrc}
            playbackId={lesson.videoPlaybackId}
            durationSeconds={lesson.durationSeconds ?? 0}
            checkpoints={data.checkpointViews}
            passed={progress.checkpointsPassed}
            startAt={progress.positionSeconds}
            heartbeatSeconds={config.heartbeatSeconds}
            idleSeconds={config.idleSeconds}
            initial={initial}
            muxEnvKey={env.MUX_DATA_ENV_KEY}
          />
          <article className="prose-lesson mt-4 rounded-lg border border-slate-200 bg-white p-4 leading-relaxed">
            <Markdown>{lesson.body}</Markdown>
          </article>
        </>
      ) : (
        <ReadingLesson
          userId={user.id}
          lessonId={lesson.id}
          minReadingSeconds={lesson.minReadingSeconds ?? 0}
          heartbeatSeconds={config.heartbeatSeconds}
          idleSeconds={config.idleSeconds}
          initial={initial}
          video={
            lesson.videoSrc || lesson.videoPlaybackId
              ? { src: lesson.videoSrc, playbackId: lesson.videoPlaybackId, title: lesson.title, muxEnvKey: env.MUX_DATA_ENV_KEY }
              : undefined
          }
        >
          <Markdown>{lesson.body}</Markdown>
        </ReadingLesson>
      )}
      {data.hazards.length > 0 ? (
        <div className="mt-4">
          <LessonHazards hazards={data.hazards} />
        </div>
      ) : null}
      <div className="mt-4">
        <Card title={t("learn.quiz.title")} testId="practice-card">
          <PracticeQuiz lessonId={lesson.id} title={lesson.title} questions={practice} last={data.lastAttempt} />
        </Card>
      </div>
      <nav className="mt-2 flex justify-between gap-2 text-sm">
        {data.previous ? (
          <Link href={`/learn/courses/${course.id}/lessons/${data.previous.id}`} className="text-brand-700">
            ← {data.previous.title}
          </Link>
        ) : (
          <span />
        )}
        {data.next ? (
          <Link href={`/learn/courses/${course.id}/lessons/${data.next.id}`} className="text-right text-brand-700">
            {data.next.title} →
          </Link>
        ) : null}
      </nav>
    </AppShell>
  );
}

"use client";

import { useEffect, type ReactNode } from "react";
import { IdlePrompt, LessonStatus } from "./LessonStatus";
import { MuxPlayer } from "./Player";
import type { LessonTotals } from "./heartbeat-queue";
import { useLearningTracker } from "./useLearningTracker";

/** A reading lesson: the text (rendered on the server) with the ledger running while it is read. */
export function ReadingLesson(props: {
  userId: string;
  lessonId: string;
  minReadingSeconds: number;
  heartbeatSeconds: number;
  idleSeconds: number;
  initial: LessonTotals;
  /** A video that goes with the text; its time counts as reading time (the page is open and active). */
  video?: { src: string | null; playbackId: string | null; title: string; muxEnvKey?: string };
  children: ReactNode;
}) {
  const tracker = useLearningTracker({
    userId: props.userId,
    lessonId: props.lessonId,
    heartbeatSeconds: props.heartbeatSeconds,
    idleSeconds: props.idleSeconds,
    isRunning: () => true,
    position: () => 0,
    initial: props.initial,
  });
  useResumeScroll(`reading-position:${props.userId}:${props.lessonId}`);
  return (
    <>
      {props.video ? (
        <div className="mb-3 overflow-hidden rounded-lg bg-black" data-testid="lesson-video">
          <MuxPlayer
            src={props.video.src ?? undefined}
            playbackId={props.video.playbackId ?? undefined}
            disableTracking={!props.video.muxEnvKey}
            envKey={props.video.muxEnvKey}
            streamType="on-demand"
            metadata={{ video_title: props.video.title }}
            accentColor="#0b5cab"
            style={{ aspectRatio: "16 / 9", width: "100%" }}
          />
        </div>
      ) : null}
      <LessonStatus totals={tracker.totals} requiredSeconds={props.minReadingSeconds} online={tracker.online} pending={tracker.pending} />
      <article className="prose-lesson mt-4 rounded-lg border border-slate-200 bg-white p-4 leading-relaxed">{props.children}</article>
      <IdlePrompt open={tracker.idle} onResume={tracker.resume} />
    </>
  );
}

/** Reading resumes where the learner left off: the scroll position is kept on this device. */
function useResumeScroll(key: string) {
  useEffect(() => {
    const saved = Number(localStorage.getItem(key));
    if (saved > 0) window.scrollTo({ top: saved * document.documentElement.scrollHeight });
    let timer = 0;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        try {
          localStorage.setItem(key, String(window.scrollY / document.documentElement.scrollHeight));
        } catch {
          // storage unavailable: nothing to resume next time
        }
      }, 300);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("scroll", onScroll);
    };
  }, [key]);
}

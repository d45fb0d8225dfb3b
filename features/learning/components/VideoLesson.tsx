"use client";

// A video lesson: Mux Player (loaded only here, after the page shell), with seeking past the furthest
// point watched refused, check questions that pause the video until answered, the video paused when
// the page is hidden or the learner idle, and resume at the last position.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Dialog } from "@/components/Dialog";
import { answerCheckpointAction } from "../actions";
import { MuxPlayer } from "./Player";
import type { LessonTotals } from "./heartbeat-queue";
import { IdlePrompt, LessonStatus } from "./LessonStatus";
import { useLearningTracker } from "./useLearningTracker";

export type CheckpointView = { id: string; atSeconds: number; question: { stem: string; multiple: boolean; options: { key: string; text: string }[] } };

type MediaLike = HTMLMediaElement;

export function VideoLesson(props: {
  userId: string;
  lessonId: string;
  title: string;
  src: string | null;
  playbackId: string | null;
  durationSeconds: number;
  checkpoints: CheckpointView[];
  passed: string[];
  startAt: number;
  heartbeatSeconds: number;
  idleSeconds: number;
  initial: LessonTotals;
  /** Mux Data key; without it the player's tracking is off. */
  muxEnvKey?: string;
}) {
  const t = useTranslations("learn.lesson");
  const media = useRef<MediaLike | null>(null);
  const furthest = useRef(Math.max(props.initial.furthestSeconds, 0));
  const lastTime = useRef(props.startAt);
  const [passed, setPassed] = useState<string[]>(props.passed);
  const [openCheckpoint, setOpenCheckpoint] = useState<CheckpointView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const tracker = useLearningTracker({
    userId: props.userId,
    lessonId: props.lessonId,
    heartbeatSeconds: props.heartbeatSeconds,
    idleSeconds: props.idleSeconds,
    isRunning: () => Boolean(media.current && !media.current.paused && !media.current.ended && !openCheckpoint),
    position: () => media.current?.currentTime ?? props.startAt,
    initial: props.initial,
    onIdle: () => media.current?.pause(),
  });

  // The server's furthest point can only move the local one forward.
  useEffect(() => {
    furthest.current = Math.max(furthest.current, tracker.totals.furthestSeconds);
  }, [tracker.totals.furthestSeconds]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden") media.current?.pause();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);

  const nextCheckpoint = useCallback(
    () => props.checkpoints.filter((cp) => !passed.includes(cp.id)).sort((a, b) => a.atSeconds - b.atSeconds)[0],
    [props.checkpoints, passed],
  );

  const attach = (event: { target: EventTarget | null }) => {
    if (!media.current && event.target) media.current = event.target as MediaLike;
  };

  const onTimeUpdate = (event: { target: EventTarget | null }) => {
    attach(event);
    const el = media.current;
    if (!el) return;
    const now = el.currentTime;
    // Natural playback moves forward a little at a time; that alone extends the furthest point.
    if (!el.seeking && !el.paused && now >= lastTime.current && now - lastTime.current < 2) furthest.current = Math.max(furthest.current, now);
    lastTime.current = now;
    const cp = nextCheckpoint();
    if (cp && now >= cp.atSeconds) {
      el.pause();
      if (now > cp.atSeconds + 0.5) el.currentTime = cp.atSeconds;
      setOpenCheckpoint(cp);
    }
  };

  const onSeeking = (event: { target: EventTarget | null }) => {
    attach(event);
    const el = media.current;
    if (!el) return;
    const limit = furthest.current + 1;
    if (el.currentTime > limit) {
      el.currentTime = furthest.current;
      setNotice(t("seekRefused"));
      window.setTimeout(() => setNotice(null), 4000);
    }
    lastTime.current = el.currentTime;
  };

  const onCheckpointPassed = (id: string) => {
    setPassed((p) => [...p, id]);
    setOpenCheckpoint(null);
    void media.current?.play();
  };

  return (
    <>
      <div className="overflow-hidden rounded-lg bg-black" data-testid="video-lesson" data-furthest={furthest.current}>
        <MuxPlayer
          src={props.src ?? undefined}
          playbackId={props.playbackId ?? undefined}
          disableTracking={!props.muxEnvKey}
          envKey={props.muxEnvKey}
          streamType="on-demand"
          startTime={props.startAt}
          metadata={{ video_title: props.title }}
          accentColor="#0b5cab"
          onLoadedMetadata={attach}
          onPlay={attach}
          onTimeUpdate={onTimeUpdate}
          onSeeking={onSeeking}
          style={{ aspectRatio: "16 / 9", width: "100%" }}
        />
      </div>
      {notice ? (
        <p role="alert" data-testid="seek-refused" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <div className="mt-3">
        <LessonStatus totals={tracker.totals} requiredSeconds={props.durationSeconds} online={tracker.online} pending={tracker.pending} />
      </div>
      {openCheckpoint ? <CheckpointDialog lessonId={props.lessonId} checkpoint={openCheckpoint} onPassed={onCheckpointPassed} /> : null}
      <IdlePrompt open={tracker.idle} onResume={tracker.resume} />
    </>
  );
}

function CheckpointDialog({ lessonId, checkpoint, onPassed }: { lessonId: string; checkpoint: CheckpointView; onPassed: (id: string) => void }) {
  const t = useTranslations("learn.lesson");
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { question } = checkpoint;
  const toggle = (key: string) => setChosen((c) => (question.multiple ? (c.includes(key) ? c.filter((k) => k !== key) : [...c, key]) : [key]));

  const submit = async () => {
    if (chosen.length === 0 || busy) return;
    setBusy(true);
    setMessage(null);
    const result = await answerCheckpointAction(null, { lessonId, checkpointId: checkpoint.id, chosen });
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    if (result.data.correct) onPassed(checkpoint.id);
    else setMessage(t("checkWrong"));
  };

  return (
    <Dialog title={t("checkTitle")} wide>
      <p className="mt-1 text-xs text-slate-500">{t("checkHint")}</p>
      <fieldset className="mt-3">
        <legend className="mb-2 font-medium">{question.stem}</legend>
        <div className="space-y-2">
          {question.options.map((o) => (
            <label key={o.key} className="flex items-start gap-2 rounded border border-slate-200 p-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input
                type={question.multiple ? "checkbox" : "radio"}
                name="checkpoint-option"
                value={o.key}
                checked={chosen.includes(o.key)}
                onChange={() => toggle(o.key)}
                className="mt-0.5"
              />
              <span>
                {o.key}. {o.text}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {message ? (
        <p role="alert" className="mt-3 rounded bg-red-50 p-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <button
        type="button"
        onClick={submit}
        disabled={chosen.length === 0 || busy}
        className="mt-4 w-full rounded-md bg-brand-600 py-3 font-semibold text-white disabled:opacity-60"
      >
        {t("checkSubmit")}
      </button>
    </Dialog>
  );
}

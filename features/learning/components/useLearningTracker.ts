"use client";

// Measures effective learning on a lesson page and reports it as heartbeats. Time counts only while
// the lesson is "running" (a video playing; a reading page open), the page is visible and the learner
// not idle; it is measured with the monotonic clock (performance.now), never the wall clock.
import { useCallback, useEffect, useRef, useState } from "react";
import { HeartbeatQueue, type LessonTotals } from "./heartbeat-queue";

export type TrackerOptions = {
  userId: string;
  lessonId: string;
  heartbeatSeconds: number;
  idleSeconds: number;
  /** Is the lesson running now (video playing, reading page open)? */
  isRunning: () => boolean;
  /** The playback position (video) or 0. */
  position: () => number;
  initial: LessonTotals;
  /** Called when the learner turns idle: a video pauses. */
  onIdle?: () => void;
};

const newTabId = () => (typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export function useLearningTracker(o: TrackerOptions) {
  const opts = useRef(o);
  opts.current = o;
  const [totals, setTotals] = useState<LessonTotals>(o.initial);
  const [idle, setIdle] = useState(false);
  const [online, setOnline] = useState(true);
  const [pending, setPending] = useState(0);
  const state = useRef({ tabId: "", seq: 0, watched: 0, lastTick: 0, lastInteraction: 0, idle: false, lastPosition: -1, queue: null as HeartbeatQueue | null });

  const flush = useCallback(async () => {
    const q = state.current.queue;
    if (!q) return;
    const lessons = await q.flush();
    setPending(q.read().length);
    const mine = lessons?.[opts.current.lessonId];
    if (mine) setTotals(mine);
  }, []);

  /** Closes the current interval into a heartbeat; an interval with nothing learnt and no move sends nothing. */
  const emit = useCallback(() => {
    const s = state.current;
    if (!s.queue) return;
    const position = opts.current.position();
    if (s.watched === 0 && position === s.lastPosition) return;
    s.lastPosition = position;
    s.seq += 1;
    s.queue.push({
      lessonId: opts.current.lessonId,
      tabId: s.tabId,
      seq: s.seq,
      watchedSeconds: Math.round(s.watched * 1000) / 1000,
      position,
      // Time is only counted while visible and active, so the interval's counted part was both.
      visible: true,
      active: true,
      madeAt: Date.now(),
    });
    s.watched = 0;
    setPending(s.queue.read().length);
  }, []);

  useEffect(() => {
    const s = state.current;
    s.tabId = newTabId();
    s.queue = new HeartbeatQueue(`learning-heartbeats:${opts.current.userId}`);
    s.lastTick = performance.now();
    s.lastInteraction = performance.now();
    setOnline(navigator.onLine);
    void flush(); // anything left from an earlier page

    const tick = () => {
      const now = performance.now();
      const delta = (now - s.lastTick) / 1000;
      s.lastTick = now;
      const visible = document.visibilityState === "visible";
      if (!s.idle && visible && now - s.lastInteraction > opts.current.idleSeconds * 1000) {
        s.idle = true;
        setIdle(true);
        opts.current.onIdle?.();
      }
      // A long gap (the tab was frozen, the phone slept) counts as nothing.
      if (visible && !s.idle && opts.current.isRunning() && delta < 5) s.watched += delta;
    };
    const every = window.setInterval(tick, 1000);
    const beat = window.setInterval(() => {
      tick();
      emit();
      void flush();
    }, opts.current.heartbeatSeconds * 1000);

    const interact = () => {
      s.lastInteraction = performance.now();
    };
    const onVisibility = () => {
      tick();
      if (document.visibilityState === "hidden") {
        emit();
        s.queue?.beacon();
      } else {
        s.lastTick = performance.now();
        void flush();
      }
    };
    const onOnline = () => {
      setOnline(true);
      void flush();
    };
    const onOffline = () => setOnline(false);
    const onPageHide = () => {
      tick();
      emit();
      s.queue?.beacon();
    };
    for (const ev of ["pointerdown", "keydown", "scroll", "touchstart", "wheel"]) window.addEventListener(ev, interact, { passive: true });
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.clearInterval(every);
      window.clearInterval(beat);
      for (const ev of ["pointerdown", "keydown", "scroll", "touchstart", "wheel"]) window.removeEventListener(ev, interact);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [emit, flush]);

  /** The learner answered "are you still there?". */
  const resume = useCallback(() => {
    const s = state.current;
    s.idle = false;
    s.lastInteraction = performance.now();
    s.lastTick = performance.now();
    setIdle(false);
  }, []);

  return { totals, idle, resume, online, pending, flushNow: () => (emit(), flush()) };
}

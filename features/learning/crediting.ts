// Class-hour crediting as pure functions (DOMAIN.md, "Class hours": only effective learning counts; no
// seeking past the furthest point watched; no credit while the page is hidden or the learner idle;
// check questions pause the video; credited time never more than wall-clock time).
//
// The browser sends a heartbeat about every `heartbeatSeconds` with the seconds it measured as effective
// learning since its previous heartbeat (a claim). The server trusts none of it blindly: each rule below
// can only lower what is credited. The wall-clock rule uses the server's clock: every learner has one
// learning clock, shared by all tabs and lessons, marking the time up to which learning was credited.
// A heartbeat covers the interval [at − claim, at], where `at` is when it was made (the server's time of
// arrival, less its age if it waited in an offline queue); only the part after the learning clock is
// credited, and the clock moves to `at`. So credited intervals never overlap: two tabs at once, replays
// and forged claims cannot add up to more time than passed. The price is that network jitter can cost
// a fraction of a second per heartbeat; `lessonCapFactor` leaves room to make that up by revisiting.

export const CREDITING = {
  /** How often the browser reports. */
  heartbeatSeconds: 15,
  /** Tolerance for timer and network jitter, in seconds. */
  slackSeconds: 3,
  /** How old a queued heartbeat may be and still be credited: learning done offline, up to this much. */
  maxBacklogSeconds: 15 * 60,
  /**
   * Revisiting a lesson counts up to this multiple of its nominal length (video duration or minimum
   * reading time), so hours short can be made up by revisiting but cannot grow without bound.
   */
  lessonCapFactor: 1.25,
  /** A video lesson is complete at this share of its duration credited (player start-up, buffering). */
  videoCompleteShare: 0.95,
  /** Seconds without touch, key or scroll before the browser asks "are you still there?". */
  idleSeconds: 300,
} as const;

export type CreditingConfig = { [K in keyof typeof CREDITING]: number };

/** The largest claim one heartbeat may carry. */
export const maxClaimSeconds = (c: CreditingConfig = CREDITING) => c.heartbeatSeconds + c.slackSeconds;

export type Checkpoint = { id: string; atSeconds: number; questionId: string };

export type LessonRule =
  | { kind: "VIDEO"; durationSeconds: number; checkpoints: Checkpoint[] }
  | { kind: "READING"; minReadingSeconds: number };

export type LessonState = {
  creditedSeconds: number;
  furthestSeconds: number;
  positionSeconds: number;
  checkpointsPassed: string[];
};

export type Heartbeat = {
  /** Effective learning the browser measured since its previous heartbeat (monotonic clock). */
  watchedSeconds: number;
  /** Seconds since the heartbeat was made: 0 when sent at once, more when it waited in the offline queue. */
  ageSeconds: number;
  /** Video: the playback position now. Reading: 0. */
  position: number;
  /** The page was visible for the whole interval. */
  visible: boolean;
  /** The learner answered the idle prompt (or was never idle) in the interval. */
  active: boolean;
};

export type CreditNote = "hidden" | "idle" | "tooLong" | "seekAhead" | "checkpoint" | "wallClock" | "cap";

export type CreditResult = {
  credited: number;
  /** The learning clock after this heartbeat (epoch ms). */
  clock: number;
  state: LessonState;
  notes: CreditNote[];
};

/** The most a lesson can credit in all: its nominal length times the cap factor. */
export function lessonCapSeconds(rule: LessonRule, c: CreditingConfig = CREDITING): number {
  const nominal = rule.kind === "VIDEO" ? rule.durationSeconds : rule.minReadingSeconds;
  return nominal * c.lessonCapFactor;
}

/** The first check point not yet passed, in video order. */
export function nextCheckpoint(rule: LessonRule, passed: readonly string[]): Checkpoint | undefined {
  if (rule.kind !== "VIDEO") return undefined;
  return [...rule.checkpoints].sort((a, b) => a.atSeconds - b.atSeconds).find((cp) => !passed.includes(cp.id));
}

/**
 * Credits one heartbeat. `clock` is the learner's learning clock (epoch ms; null before the first
 * heartbeat ever); `now` the server's time. Returns the seconds credited, the new clock and lesson state,
 * and why anything claimed was not credited.
 */
export function creditHeartbeat(input: {
  clock: number | null;
  now: number;
  state: LessonState;
  beat: Heartbeat;
  rule: LessonRule;
  config?: CreditingConfig;
}): CreditResult {
  const c = input.config ?? CREDITING;
  const { state, beat, rule, now } = input;
  const notes: CreditNote[] = [];

  let claim = Number.isFinite(beat.watchedSeconds) ? Math.max(0, beat.watchedSeconds) : 0;
  if (claim > maxClaimSeconds(c)) {
    notes.push("tooLong");
    claim = maxClaimSeconds(c);
  }
  if (!beat.visible) {
    notes.push("hidden");
    claim = 0;
  }
  if (!beat.active) {
    notes.push("idle");
    claim = 0;
  }

  let next: LessonState = { ...state };
  const position = Number.isFinite(beat.position) ? Math.max(0, beat.position) : state.positionSeconds;

  if (rule.kind === "VIDEO") {
    // Watching moves the furthest point by at most what was watched (plus jitter): anything further is
    // a seek past the furthest point, which earns nothing and moves nothing.
    const reachable = Math.min(rule.durationSeconds, state.furthestSeconds + claim + c.slackSeconds);
    const cp = nextCheckpoint(rule, state.checkpointsPassed);
    if (position > reachable) {
      notes.push("seekAhead");
      claim = 0;
      next.positionSeconds = Math.min(state.positionSeconds, state.furthestSeconds);
    } else if (cp && position > cp.atSeconds + c.slackSeconds) {
      // Past a check question not answered: the video should have stopped there.
      notes.push("checkpoint");
      claim = Math.max(0, Math.min(claim, cp.atSeconds - state.furthestSeconds));
      next.furthestSeconds = Math.max(state.furthestSeconds, cp.atSeconds);
      next.positionSeconds = cp.atSeconds;
    } else {
      next.furthestSeconds = Math.max(state.furthestSeconds, position);
      next.positionSeconds = position;
    }
  }

  // Wall clock: only the part of [at − claim, at] after the learning clock counts.
  const age = Number.isFinite(beat.ageSeconds) ? Math.min(Math.max(0, beat.ageSeconds), c.maxBacklogSeconds) : 0;
  const at = now - age * 1000;
  const from = Math.max(at - claim * 1000, input.clock ?? -Infinity);
  let credited = Math.max(0, (at - from) / 1000);
  if (credited < claim) notes.push("wallClock");

  const room = Math.max(0, lessonCapSeconds(rule, c) - state.creditedSeconds);
  if (credited > room) {
    notes.push("cap");
    credited = room;
  }
  credited = Math.floor(credited * 1000) / 1000;
  next = { ...next, creditedSeconds: state.creditedSeconds + credited };
  return { credited, clock: Math.max(input.clock ?? -Infinity, at), state: next, notes };
}

/** Has the learner met the lesson's rule? (Video: watched to the end, enough credited, every check point passed.) */
export function lessonComplete(rule: LessonRule, state: LessonState, c: CreditingConfig = CREDITING): boolean {
  if (rule.kind === "READING") return state.creditedSeconds >= rule.minReadingSeconds;
  const allPassed = rule.checkpoints.every((cp) => state.checkpointsPassed.includes(cp.id));
  return allPassed && state.furthestSeconds >= rule.durationSeconds - c.slackSeconds && state.creditedSeconds >= rule.durationSeconds * c.videoCompleteShare;
}

/** Class hours from credited seconds: seconds ÷ (minutes per class hour × 60). */
export function classHours(creditedSeconds: number, minutesPerClassHour: number): number {
  return creditedSeconds / (minutesPerClassHour * 60);
}

/** A course is complete when every lesson meets its rule and the required hours are reached. */
export function courseComplete(input: { lessonsComplete: boolean[]; creditedSeconds: number; classHours: number; minutesPerClassHour: number }): boolean {
  return (
    input.lessonsComplete.length > 0 &&
    input.lessonsComplete.every(Boolean) &&
    input.creditedSeconds >= input.classHours * input.minutesPerClassHour * 60
  );
}

// Every crediting rule at its boundaries, and hostile sequences: clock jumps, replayed and out-of-order
// heartbeats, huge claims, two tabs at once, seeking ahead, skipping a check question.
import { describe, expect, it } from "vitest";
import {
  classHours,
  courseComplete,
  CREDITING,
  creditHeartbeat,
  lessonCapSeconds,
  lessonComplete,
  maxClaimSeconds,
  type Heartbeat,
  type LessonRule,
  type LessonState,
} from "@/features/learning/crediting";

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;
const fresh: LessonState = { creditedSeconds: 0, furthestSeconds: 0, positionSeconds: 0, checkpointsPassed: [] };
const beat = (b: Partial<Heartbeat>): Heartbeat => ({ watchedSeconds: 15, ageSeconds: 0, position: 0, visible: true, active: true, ...b });
const VIDEO: LessonRule = { kind: "VIDEO", durationSeconds: 120, checkpoints: [] };
const READING: LessonRule = { kind: "READING", minReadingSeconds: 600 };

/** Runs heartbeats in order through one learner's clock; returns the totals. */
function run(rule: LessonRule, beats: { at: number; beat: Partial<Heartbeat> }[], start: { clock?: number | null; state?: LessonState } = {}) {
  let clock = start.clock ?? null;
  let state = start.state ?? fresh;
  const results = [];
  for (const b of beats) {
    const r = creditHeartbeat({ clock, now: s(b.at), state, beat: beat(b.beat), rule });
    clock = r.clock;
    state = r.state;
    results.push(r);
  }
  return { clock, state, results, total: state.creditedSeconds };
}

describe("a steady learner", () => {
  it("is credited what it watched, heartbeat by heartbeat", () => {
    const { total, state } = run(VIDEO, [
      { at: 15, beat: { position: 15 } },
      { at: 30, beat: { position: 30 } },
      { at: 45, beat: { position: 45 } },
    ]);
    expect(total).toBe(45);
    expect(state.furthestSeconds).toBe(45);
    expect(state.positionSeconds).toBe(45);
  });

  it("a reading lesson credits visible, active time", () => {
    const { total } = run(READING, [{ at: 15, beat: {} }, { at: 30, beat: {} }]);
    expect(total).toBe(30);
  });
});

describe("claims", () => {
  it(`a claim up to ${maxClaimSeconds()} s (interval + slack) is taken as is`, () => {
    const r = creditHeartbeat({ clock: s(0), now: s(60), state: fresh, beat: beat({ watchedSeconds: maxClaimSeconds(), position: 0 }), rule: READING });
    expect(r.credited).toBe(maxClaimSeconds());
    expect(r.notes).toEqual([]);
  });

  it("a huge claim is cut to the largest one heartbeat may carry", () => {
    const r = creditHeartbeat({ clock: s(0), now: s(3600), state: fresh, beat: beat({ watchedSeconds: 3600 }), rule: READING });
    expect(r.credited).toBe(maxClaimSeconds());
    expect(r.notes).toContain("tooLong");
  });

  it("negative, NaN and infinite claims credit nothing", () => {
    for (const watchedSeconds of [-10, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = creditHeartbeat({ clock: s(0), now: s(30), state: fresh, beat: beat({ watchedSeconds }), rule: READING });
      expect(r.credited, String(watchedSeconds)).toBe(0);
    }
  });

  it("nothing while the page is hidden", () => {
    const r = creditHeartbeat({ clock: s(0), now: s(15), state: fresh, beat: beat({ visible: false }), rule: READING });
    expect(r.credited).toBe(0);
    expect(r.notes).toContain("hidden");
  });

  it("nothing while the learner is idle", () => {
    const r = creditHeartbeat({ clock: s(0), now: s(15), state: fresh, beat: beat({ active: false }), rule: READING });
    expect(r.credited).toBe(0);
    expect(r.notes).toContain("idle");
  });
});

describe("wall clock", () => {
  it("never credits more than the time since the previous accepted heartbeat", () => {
    const r = creditHeartbeat({ clock: s(100), now: s(105), state: fresh, beat: beat({ watchedSeconds: 15 }), rule: READING });
    expect(r.credited).toBe(5);
    expect(r.notes).toContain("wallClock");
    expect(r.clock).toBe(s(105));
  });

  it("a burst of heartbeats at one instant credits the first only", () => {
    const { total } = run(READING, Array.from({ length: 20 }, () => ({ at: 15, beat: {} })));
    expect(total).toBe(15);
  });

  it("two tabs at once share one clock: never more than the time that passed", () => {
    const beats = [];
    for (let t = 15; t <= 300; t += 15) {
      beats.push({ at: t, beat: {} }); // tab A
      beats.push({ at: t + 0.5, beat: {} }); // tab B, half a second later
    }
    const { total } = run(READING, beats, { clock: s(0) });
    // One tab's worth of time, not two: 300 s passed (plus B's last half second).
    expect(total).toBeLessThanOrEqual(300.5);
    expect(total).toBeGreaterThanOrEqual(300);
  });

  it("a client clock jump changes nothing: only the server's time and the claim count", () => {
    // The client's wall clock is never read; a claim measured across a clock jump is still capped.
    const r = creditHeartbeat({ clock: s(0), now: s(15), state: fresh, beat: beat({ watchedSeconds: 86_400 }), rule: READING });
    expect(r.credited).toBeLessThanOrEqual(15);
  });

  it("a server clock that stepped back credits nothing until time passes the learning clock", () => {
    const r = creditHeartbeat({ clock: s(100), now: s(50), state: fresh, beat: beat({}), rule: READING });
    expect(r.credited).toBe(0);
    expect(r.clock).toBe(s(100));
  });
});

describe("the offline queue", () => {
  it("heartbeats queued offline are credited in full when they arrive together, in order", () => {
    // Online until 30 s, offline 30–90 s (four heartbeats queued), everything arrives at 95 s.
    const online = run(READING, [{ at: 15, beat: {} }, { at: 30, beat: {} }], { clock: s(0) });
    const replay = run(
      READING,
      [45, 60, 75, 90].map((made) => ({ at: 95, beat: { ageSeconds: 95 - made } })),
      { clock: online.clock, state: online.state },
    );
    expect(replay.total).toBe(90);
  });

  it("a replay of the same queue credits nothing more", () => {
    const first = run(READING, [45, 60].map((made) => ({ at: 61, beat: { ageSeconds: 61 - made } })), { clock: s(30) });
    const again = run(READING, [45, 60].map((made) => ({ at: 70, beat: { ageSeconds: 70 - made } })), { clock: first.clock, state: first.state });
    expect(again.total).toBe(first.total);
  });

  it("out of order, an older heartbeat after a newer one credits nothing (under-credit, never double)", () => {
    const { results } = run(READING, [
      { at: 60, beat: { ageSeconds: 0 } }, // made at 60
      { at: 61, beat: { ageSeconds: 16 } }, // made at 45: before the clock
    ], { clock: s(30) });
    expect(results[0]!.credited).toBe(15);
    expect(results[1]!.credited).toBe(0);
  });

  it("an age beyond the backlog limit is treated as the limit", () => {
    const r = creditHeartbeat({ clock: null, now: s(10_000), state: fresh, beat: beat({ ageSeconds: 10_000 }), rule: READING });
    expect(r.clock).toBe(s(10_000 - CREDITING.maxBacklogSeconds));
  });
});

describe("video", () => {
  it("refuses a seek past the furthest point: nothing credited, nothing moved", () => {
    const state = { ...fresh, creditedSeconds: 30, furthestSeconds: 30, positionSeconds: 30 };
    const r = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({ position: 100 }), rule: VIDEO });
    expect(r.credited).toBe(0);
    expect(r.notes).toContain("seekAhead");
    expect(r.state.furthestSeconds).toBe(30);
    expect(r.state.positionSeconds).toBe(30);
  });

  it(`accepts progress of the claim plus ${CREDITING.slackSeconds} s of jitter, and no more`, () => {
    const state = { ...fresh, furthestSeconds: 30, positionSeconds: 30 };
    const ok = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({ position: 30 + 15 + CREDITING.slackSeconds }), rule: VIDEO });
    expect(ok.notes).not.toContain("seekAhead");
    const tooFar = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({ position: 30 + 15 + CREDITING.slackSeconds + 0.01 }), rule: VIDEO });
    expect(tooFar.notes).toContain("seekAhead");
  });

  it("rewatching an earlier part credits, without moving the furthest point back", () => {
    const state = { ...fresh, creditedSeconds: 60, furthestSeconds: 60, positionSeconds: 10 };
    const r = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({ position: 25 }), rule: VIDEO });
    expect(r.credited).toBe(15);
    expect(r.state.furthestSeconds).toBe(60);
    expect(r.state.positionSeconds).toBe(25);
  });

  it("stops at a check question not yet answered", () => {
    const rule: LessonRule = { kind: "VIDEO", durationSeconds: 120, checkpoints: [{ id: "cp1", atSeconds: 20, questionId: "q" }] };
    const state = { ...fresh, creditedSeconds: 10, furthestSeconds: 10, positionSeconds: 10 };
    const r = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({ position: 25 }), rule });
    expect(r.notes).toContain("checkpoint");
    expect(r.credited).toBe(10); // up to the check point only
    expect(r.state.furthestSeconds).toBe(20);
    // Once answered, watching goes on.
    const after = creditHeartbeat({ clock: r.clock, now: s(30), state: { ...r.state, checkpointsPassed: ["cp1"] }, beat: beat({ position: 35 }), rule });
    expect(after.notes).toEqual([]);
    expect(after.state.furthestSeconds).toBe(35);
  });

  it("a position at the check point plus jitter is not a skip", () => {
    const rule: LessonRule = { kind: "VIDEO", durationSeconds: 120, checkpoints: [{ id: "cp1", atSeconds: 20, questionId: "q" }] };
    const state = { ...fresh, furthestSeconds: 10, positionSeconds: 10 };
    const r = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({ position: 20 + CREDITING.slackSeconds }), rule });
    expect(r.notes).not.toContain("checkpoint");
  });

  it("never reaches past the end", () => {
    const state = { ...fresh, furthestSeconds: 110, positionSeconds: 110 };
    const r = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({ position: 125 }), rule: VIDEO });
    expect(r.notes).toContain("seekAhead");
  });
});

describe("lesson cap", () => {
  it(`a lesson credits at most ${CREDITING.lessonCapFactor}× its nominal length`, () => {
    expect(lessonCapSeconds(READING)).toBe(600 * CREDITING.lessonCapFactor);
    const state = { ...fresh, creditedSeconds: lessonCapSeconds(READING) - 5 };
    const r = creditHeartbeat({ clock: s(0), now: s(15), state, beat: beat({}), rule: READING });
    expect(r.credited).toBe(5);
    expect(r.notes).toContain("cap");
    const full = creditHeartbeat({ clock: r.clock, now: s(30), state: r.state, beat: beat({}), rule: READING });
    expect(full.credited).toBe(0);
  });
});

describe("completion", () => {
  it("a reading lesson is complete at its minimum reading time, not a second before", () => {
    expect(lessonComplete(READING, { ...fresh, creditedSeconds: 599.9 })).toBe(false);
    expect(lessonComplete(READING, { ...fresh, creditedSeconds: 600 })).toBe(true);
  });

  it("a video lesson needs the end reached, enough credited and every check point passed", () => {
    const rule: LessonRule = { kind: "VIDEO", durationSeconds: 100, checkpoints: [{ id: "cp1", atSeconds: 50, questionId: "q" }] };
    const done = { creditedSeconds: 95, furthestSeconds: 100 - CREDITING.slackSeconds, positionSeconds: 100, checkpointsPassed: ["cp1"] };
    expect(lessonComplete(rule, done)).toBe(true);
    expect(lessonComplete(rule, { ...done, checkpointsPassed: [] })).toBe(false);
    expect(lessonComplete(rule, { ...done, creditedSeconds: 94.9 })).toBe(false);
    expect(lessonComplete(rule, { ...done, furthestSeconds: 90 })).toBe(false);
  });

  it("class hours are credited seconds over minutes per class hour", () => {
    expect(classHours(1800, 30)).toBe(1);
    expect(classHours(2700, 45)).toBe(1);
    expect(classHours(900, 30)).toBe(0.5);
  });

  it("a course is complete when every lesson is and the hours are reached", () => {
    const base = { classHours: 1, minutesPerClassHour: 30 };
    expect(courseComplete({ ...base, lessonsComplete: [true, true], creditedSeconds: 1800 })).toBe(true);
    expect(courseComplete({ ...base, lessonsComplete: [true, false], creditedSeconds: 1800 })).toBe(false);
    expect(courseComplete({ ...base, lessonsComplete: [true, true], creditedSeconds: 1799 })).toBe(false);
    expect(courseComplete({ ...base, lessonsComplete: [], creditedSeconds: 5000 })).toBe(false);
  });
});

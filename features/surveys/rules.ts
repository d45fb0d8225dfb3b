// Satisfaction (DOMAIN.md, "Satisfaction (the 85% target)"; seed 000: each annual project's trainees
// average at least 85). Pure functions over survey responses; the data layer loads them.
//
// - A five-level item scores 非常满意 100, 满意 80, 一般 60, 不满意 40, 非常不满意 20.
// - A response is valid when every required rating item is answered. Its score is the mean of its
//   rating items' scores; its overall level is the level of the overall item where the survey has one
//   (总体满意度), otherwise the level nearest its mean score.
// - Average satisfaction = the mean of the valid responses' scores (100-point scale), compared with the
//   target (85). Satisfied share = valid responses whose overall level is 非常满意 or 满意 ÷ valid responses.

export const LEVELS = ["VERY_SATISFIED", "SATISFIED", "NEUTRAL", "DISSATISFIED", "VERY_DISSATISFIED"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_SCORE: Record<Level, number> = { VERY_SATISFIED: 100, SATISFIED: 80, NEUTRAL: 60, DISSATISFIED: 40, VERY_DISSATISFIED: 20 };

/** The target each annual project's average must reach (seed 000; also data on the plan period). */
export const SATISFACTION_TARGET = 85;

export type RatingItem = { id: string; required: boolean; overall?: boolean };
export type Response = { id: string; answers: Record<string, Level | undefined> };

export function isValid(items: readonly RatingItem[], r: Response): boolean {
  return items.every((i) => !i.required || r.answers[i.id] !== undefined);
}

/** The response's score: the mean of its answered rating items (null when none is answered). */
export function responseScore(items: readonly RatingItem[], r: Response): number | null {
  const scores = items.flatMap((i) => (r.answers[i.id] ? [LEVEL_SCORE[r.answers[i.id]!]] : []));
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}

/** The level nearest a score (ties go to the higher level: 90 → 非常满意). */
export function levelOf(score: number): Level {
  let best: Level = "VERY_SATISFIED";
  for (const l of LEVELS) if (Math.abs(LEVEL_SCORE[l] - score) < Math.abs(LEVEL_SCORE[best] - score)) best = l;
  return best;
}

export function overallLevel(items: readonly RatingItem[], r: Response): Level | null {
  const overall = items.find((i) => i.overall);
  if (overall && r.answers[overall.id]) return r.answers[overall.id]!;
  const score = responseScore(items, r);
  return score === null ? null : levelOf(score);
}

export type Satisfaction = {
  /** Valid questionnaires. */
  respondents: number;
  /** Mean score on the 100-point scale; null without valid responses ("no data"). */
  average: number | null;
  /** (非常满意 + 满意) ÷ valid questionnaires; null without valid responses. */
  satisfiedShare: number | null;
  /** Average at or above the target; null without data. */
  meetsTarget: boolean | null;
};

/** What is stored with a response when it is submitted: valid or not, its score and overall level. */
export type Scored = { valid: boolean; score: number | null; level: Level | null };

export function scoreResponse(items: readonly RatingItem[], r: Response): Scored {
  const score = responseScore(items, r);
  return { valid: isValid(items, r) && score !== null, score, level: overallLevel(items, r) };
}

/**
 * The two figures over scored responses, which may come from surveys with different items (a project's
 * course, session and project surveys together): only valid questionnaires count.
 */
export function aggregate(scored: Iterable<Scored>, target = SATISFACTION_TARGET): Satisfaction {
  let n = 0;
  let sum = 0;
  let satisfied = 0;
  for (const r of scored) {
    if (!r.valid || r.score === null) continue;
    n++;
    sum += r.score;
    if (r.level === "VERY_SATISFIED" || r.level === "SATISFIED") satisfied++;
  }
  const average = n ? sum / n : null;
  return { respondents: n, average, satisfiedShare: n ? satisfied / n : null, meetsTarget: average === null ? null : average >= target };
}

export function satisfaction(items: readonly RatingItem[], responses: Iterable<Response>, target = SATISFACTION_TARGET): Satisfaction {
  const scored: Scored[] = [];
  for (const r of responses) scored.push(scoreResponse(items, r));
  return aggregate(scored, target);
}

/** Groups scored responses by a key and aggregates each group (breakdowns by course, enterprise, …). */
export function aggregateBy<T extends Scored>(rows: Iterable<T>, keyOf: (row: T) => string | null | undefined, target = SATISFACTION_TARGET): Map<string, Satisfaction> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null || key === undefined) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  return new Map([...groups].map(([k, g]) => [k, aggregate(g, target)]));
}

/** Per item: the mean score of those who answered it, to find the items below target. */
export function itemAverages(items: readonly RatingItem[], responses: readonly Response[]): Map<string, { answered: number; average: number | null }> {
  return new Map(
    items.map((i) => {
      const scores = responses.flatMap((r) => (isValid(items, r) && r.answers[i.id] ? [LEVEL_SCORE[r.answers[i.id]!]] : []));
      return [i.id, { answered: scores.length, average: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null }];
    }),
  );
}

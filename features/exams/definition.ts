// The exam definition a course declares in its course.md frontmatter (`exam:`), and its defaults:
// 100 points, 80 to pass, 60 minutes, one attempt plus one retake (DOMAIN.md, "Exams and records").
import { z } from "zod";

const positionCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "must be an upper-case code such as TEAM_LEADER");
const lessonId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lesson id");

const perType = z.object({ count: z.number().int().min(0).max(200), points: z.number().positive().max(100) }).strict();

/**
 * One part of a paper: so many questions of each type, drawn from a part of the bank.
 * `from`: `path` — every exam question of the learner's lessons (and questions on no lesson);
 * `core` — questions on lessons every learner takes (and on no lesson); `module` — questions on the
 * lessons of the paper's positions (a category's own module). `lessons` narrows it to named lessons
 * (a topic).
 */
export const examSectionSchema = z
  .object({
    title: z.string().max(60).optional(),
    from: z.enum(["path", "core", "module"]).default("path"),
    lessons: z.array(lessonId).optional(),
    single: perType.optional(),
    multiple: perType.optional(),
    true_false: perType.optional(),
  })
  .strict()
  .refine((s) => (s.single?.count ?? 0) + (s.multiple?.count ?? 0) + (s.true_false?.count ?? 0) > 0, { message: "a section draws at least one question" });

/** A paper: for learners of the given positions (a category's paper), or for every learner. */
export const examPaperSchema = z
  .object({
    positions: z.array(positionCode).default([]),
    sections: z.array(examSectionSchema).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.sections.forEach((s, i) => {
      if (s.from === "module" && p.positions.length === 0)
        ctx.addIssue({ code: "custom", path: ["sections", i, "from"], message: "a module section belongs to a paper for given positions (the paper for every learner has no module)" });
    });
  });

export const examDefinitionSchema = z
  .object({
    timeLimitMinutes: z.number().int().min(5).max(240).default(60),
    totalPoints: z.number().positive().max(1000).default(100),
    /** National practice: 80 of 100 to pass. */
    passMark: z.number().positive().default(80),
    /** Attempts per certification cycle: one plus one retake by default. */
    attempts: z.number().int().min(1).max(10).default(2),
    /** After submission the learner may review their answers with explanations. */
    review: z.boolean().default(true),
    /** Multiple choice scores only when exactly the right options are chosen (all-or-nothing). */
    multipleScoring: z.enum(["all_or_nothing"]).default("all_or_nothing"),
    papers: z.array(examPaperSchema).min(1),
  })
  .strict()
  .refine((e) => e.passMark <= e.totalPoints, { message: "passMark cannot exceed totalPoints", path: ["passMark"] })
  .superRefine((e, ctx) => {
    e.papers.forEach((paper, i) => {
      const points = paper.sections.reduce(
        (sum, s) => sum + (["single", "multiple", "true_false"] as const).reduce((t, type) => t + (s[type]?.count ?? 0) * (s[type]?.points ?? 0), 0),
        0,
      );
      if (Math.abs(points - e.totalPoints) > 1e-9)
        ctx.addIssue({ code: "custom", path: ["papers", i, "sections"], message: `the paper's questions add up to ${points} points, not ${e.totalPoints}` });
      if (paper.positions.length === 0 && e.papers.length > 1 && i !== e.papers.length - 1)
        ctx.addIssue({ code: "custom", path: ["papers", i, "positions"], message: "a paper for every learner must come last (papers are matched in order)" });
    });
  });

export const certificateDefinitionSchema = z
  .object({
    /** Who issues the certificate, printed on it and on the verify page. */
    issuer: z.string().min(2).max(80).default("工伤预防线上培训平台"),
    /** Months a certificate stays valid; absent: no expiry. Re-certification opens 90 days before expiry. */
    validityMonths: z.number().int().min(1).max(120).optional(),
  })
  .strict();

export type ExamDefinition = z.output<typeof examDefinitionSchema>;
export type ExamSection = z.output<typeof examSectionSchema>;
export type ExamPaper = z.output<typeof examPaperSchema>;
export type CertificateDefinition = z.output<typeof certificateDefinitionSchema>;

/** The paper for a learner: the first whose positions include theirs, else the one for every learner. */
export function paperFor(exam: ExamDefinition, positionCode: string | null): ExamPaper | null {
  return (
    exam.papers.find((p) => p.positions.length > 0 && positionCode !== null && p.positions.includes(positionCode)) ??
    exam.papers.find((p) => p.positions.length === 0) ??
    null
  );
}

// zod schemas of everything under content/: reference data and courses. The sync validates every file
// against these before writing anything, and reports the file and the field of each problem.
import { z } from "zod";
import { certificateDefinitionSchema, examDefinitionSchema } from "@/features/exams/definition";

/** Stable content ids: lower-case letters, digits and dashes; they never change once published. */
export const contentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and dashes (a stable id)")
  .max(80);

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "must be an upper-case code such as TEAM_LEADER");
const regionCode = z.string().regex(/^\d{6}$/, "must be a 6-digit administrative division code");

// ---- Reference data -------------------------------------------------------------------------------

export const regionsFileSchema = z.object({
  provinces: z
    .array(
      z.object({
        code: regionCode,
        name: z.string().min(1),
        cities: z.array(
          z.object({
            code: regionCode,
            name: z.string().min(1),
            counties: z.array(z.object({ code: regionCode, name: z.string().min(1) })).min(1),
          }),
        ),
      }),
    )
    .min(1),
});

export const industriesFileSchema = z.object({
  industries: z
    .array(z.object({ code, name: z.string().min(1), nameEn: z.string().min(1) }))
    .min(1),
});

export const positionsFileSchema = z.object({
  positions: z
    .array(
      z.object({
        code,
        name: z.string().min(1),
        nameEn: z.string().min(1),
        description: z.string().default(""),
      }),
    )
    .min(1),
});

const share = z.number().min(0).max(1);

export const planPeriodsFileSchema = z.object({
  periods: z
    .array(
      z
        .object({
          id: z.string().regex(/^\d{4}-\d{4}$/, "must look like 2021-2025"),
          name: z.string().min(1),
          nameEn: z.string().min(1),
          startYear: z.number().int().min(2000).max(2100),
          endYear: z.number().int().min(2000).max(2100),
          coverageTarget: share,
          satisfactionTarget: z.number().min(0).max(100),
          source: z.string().default(""),
          keyPositions: z.array(code).min(1),
          keyIndustries: z.array(code).min(1),
          milestones: z
            .array(
              z.object({
                year: z.number().int(),
                coverageTarget: share,
                accidentRateReduction: share.optional(),
              }),
            )
            .default([]),
        })
        .refine((p) => p.endYear >= p.startYear, { message: "endYear must not be before startYear", path: ["endYear"] })
        .refine((p) => p.milestones.every((m) => m.year >= p.startYear && m.year <= p.endYear), {
          message: "every milestone year must fall inside the period",
          path: ["milestones"],
        }),
    )
    .min(1),
});

// ---- Courses ------------------------------------------------------------------------------------

export const courseFamilies = ["TECH_SCHOOL", "HAZCHEM_THREE_CATEGORIES", "TWO_REDUCTIONS", "GENERAL"] as const;

/** Who a course is assigned to; the assignment rules (issue: learning) read this. */
export const audienceSchema = z
  .object({
    /** Technical-school students (技工院校学生). */
    schoolStudents: z.boolean().default(false),
    /** Key-position categories (codes of content/reference/positions.yaml). */
    positions: z.array(code).default([]),
    /** Industries of the learner's enterprise (codes of content/reference/industries.yaml). */
    industries: z.array(code).default([]),
    /** Only staff of these enterprises (unified social credit codes): customised courses. */
    enterprises: z.array(z.string().length(18)).default([]),
    /**
     * Key-position staff of key enterprises as the plan period in force defines them (its key positions,
     * its key enterprises): the coverage target's population (DOMAIN.md).
     */
    planPeriodKeyPositions: z.boolean().default(false),
    /**
     * A further restriction, not a condition: the learner's enterprise must be in one of these industries
     * (e.g. the three-categories course is for key positions of hazardous-chemicals enterprises only).
     */
    withinIndustries: z.array(code).default([]),
  })
  .strict();

export const courseFrontmatterSchema = z
  .object({
    id: contentId,
    title: z.string().min(1).max(120),
    family: z.enum(courseFamilies),
    summary: z.string().max(500).default(""),
    /** Required class hours (学时). */
    classHours: z.number().positive().max(200),
    /** Minutes of effective learning per class hour: online ≥ 30 (AQ 8011-2023), offline 45. */
    minutesPerClassHour: z.number().int().min(30).max(60),
    audience: audienceSchema.default({ schoolStudents: false, positions: [], industries: [], enterprises: [], planPeriodKeyPositions: false, withinIndustries: [] }),
    /**
     * A course template (content/templates/<id>/) whose lessons and questions the course includes, their
     * ids prefixed with the course's id; the lessons of both are ordered by file name.
     */
    template: contentId.optional(),
    /** The final exam: papers drawn from the exam bank, time limit, pass mark, attempts (features/exams). */
    exam: examDefinitionSchema.optional(),
    /** The certificate issued on completion and a passed exam: issuer, validity. */
    certificate: certificateDefinitionSchema.default({ issuer: "工伤预防线上培训平台" }),
  })
  .strict();

/** A course template: shared lessons and questions that courses of one family include (e.g. 两降两增). */
export const templateFrontmatterSchema = z
  .object({
    id: contentId,
    title: z.string().min(1).max(120),
    family: z.enum(courseFamilies),
  })
  .strict();

export const lessonFrontmatterSchema = z
  .object({
    id: contentId,
    title: z.string().min(1).max(120),
    kind: z.enum(["video", "reading"]),
    video: z
      .object({
        src: z.string().min(1).optional(),
        playbackId: z.string().min(1).optional(),
        durationSeconds: z.number().int().positive(),
      })
      .strict()
      .refine((v) => Boolean(v.src) !== Boolean(v.playbackId), { message: "give exactly one of src or playbackId" })
      .optional(),
    /**
     * A syllabus lesson: only learners in these positions take it (e.g. the hazardous-chemicals course's
     * module for full-time safety managers). Empty: every learner of the course.
     */
    positions: z.array(code).default([]),
    /** Minimum reading time credited for a reading lesson. */
    minReadingMinutes: z.number().positive().max(180).optional(),
    /**
     * 两降两增 enterprise modules: the hazards of the enterprise's investigation report (ids of
     * content/enterprises/<folder>/hazards.yaml) that this lesson is built on.
     */
    hazards: z.array(contentId).default([]),
    /** Video check points: at `at` seconds the video pauses until the question (a practice question of this lesson) is answered. */
    checkpoints: z
      .array(z.object({ at: z.number().positive(), question: contentId }).strict())
      .default([]),
  })
  .strict()
  .refine((l) => l.kind !== "video" || l.video, { message: "a video lesson needs video: { src | playbackId, durationSeconds }", path: ["video"] })
  .refine((l) => l.kind !== "reading" || l.minReadingMinutes, { message: "a reading lesson needs minReadingMinutes", path: ["minReadingMinutes"] })
  .refine((l) => l.kind === "video" || l.checkpoints.length === 0, { message: "only a video lesson has check points", path: ["checkpoints"] })
  .refine((l) => !l.video || l.checkpoints.every((cp) => cp.at < l.video!.durationSeconds), {
    message: "every check point must fall inside the video",
    path: ["checkpoints"],
  });

const optionKey = z.string().regex(/^[A-H]$/, "option keys are A to H");

export const questionSchema = z
  .object({
    id: contentId,
    pool: z.enum(["practice", "exam"]),
    /** Lesson id, for practice questions that belong to a lesson. */
    lesson: contentId.optional(),
    type: z.enum(["single", "multiple", "true_false"]),
    topic: z.string().max(60).default(""),
    stem: z.string().min(4).max(1000),
    options: z.array(z.object({ key: optionKey, text: z.string().min(1).max(300) }).strict()).optional(),
    /** Option keys (single/multiple) or true/false. */
    answer: z.union([z.array(optionKey).min(1), z.boolean()]),
    explanation: z.string().min(4).max(1500),
    /** The article of law or standard the answer rests on, e.g. 《工伤保险条例》第十四条. */
    basis: z.string().min(2).max(200),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.type === "true_false") {
      if (typeof q.answer !== "boolean") ctx.addIssue({ code: "custom", path: ["answer"], message: "a true_false answer is true or false" });
      if (q.options) ctx.addIssue({ code: "custom", path: ["options"], message: "a true_false question has no options" });
      return;
    }
    if (!q.options || q.options.length < 2) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "a choice question needs at least 2 options" });
      return;
    }
    const keys = q.options.map((o) => o.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["options"], message: "option keys must be unique" });
    if (!Array.isArray(q.answer)) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "a choice answer is a list of option keys" });
      return;
    }
    for (const k of q.answer) if (!keys.includes(k)) ctx.addIssue({ code: "custom", path: ["answer"], message: `answer ${k} is not one of the options` });
    if (q.type === "single" && q.answer.length !== 1) ctx.addIssue({ code: "custom", path: ["answer"], message: "a single-choice question has exactly one answer" });
    if (q.type === "multiple" && q.answer.length < 2) ctx.addIssue({ code: "custom", path: ["answer"], message: "a multiple-choice question has at least two answers" });
  });

export const questionsFileSchema = z.object({ questions: z.array(questionSchema).min(1) }).strict();

export type RegionsFile = z.infer<typeof regionsFileSchema>;
export type IndustriesFile = z.infer<typeof industriesFileSchema>;
export type PositionsFile = z.infer<typeof positionsFileSchema>;
export type PlanPeriodsFile = z.infer<typeof planPeriodsFileSchema>;
export type CourseFrontmatter = z.infer<typeof courseFrontmatterSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type QuestionInput = z.infer<typeof questionSchema>;

// ---- 两降两增: an enterprise's hidden-hazard investigation report -----------------------------------

export const hazardCategories = [
  "MACHINERY", "ELECTRICAL", "HEIGHT", "CONFINED_SPACE", "FIRE", "CHEMICAL", "HOT_METAL", "LIFTING",
  "DUST", "NOISE", "VEHICLE", "EXCAVATION", "PPE", "MANAGEMENT",
] as const;

const day = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-03-10")]).transform((d) => (typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d));

export const hazardsFileSchema = z
  .object({
    /** The enterprise's unified social credit code. */
    enterprise: z.string().length(18),
    investigation: z.object({ by: z.string().min(1), startedOn: day, endedOn: day, summary: z.string().min(1) }).strict(),
    hazards: z
      .array(
        z
          .object({
            id: contentId,
            category: z.enum(hazardCategories),
            level: z.enum(["GENERAL", "MAJOR"]),
            location: z.string().min(1).max(200),
            description: z.string().min(4).max(1000),
            measure: z.string().max(1000).default(""),
            foundOn: day,
            status: z.enum(["OPEN", "RECTIFYING", "RECTIFIED"]),
            rectifiedOn: day.optional(),
            deadline: day.optional(),
          })
          .strict()
          .refine((h) => (h.status === "RECTIFIED") === Boolean(h.rectifiedOn), { message: "rectifiedOn is given exactly when the status is RECTIFIED", path: ["rectifiedOn"] })
          .refine((h) => !h.rectifiedOn || h.rectifiedOn >= h.foundOn, { message: "rectifiedOn cannot be before foundOn", path: ["rectifiedOn"] }),
      )
      .min(1),
  })
  .strict();

export type HazardsFile = z.infer<typeof hazardsFileSchema>;

// zod schemas of the survey boundaries: a learner's answers (checked against the survey's own items),
// a provider's template, a survey, an annual project and an offline session.
import { z } from "zod";
import { regionCodeSchema, storableText } from "@/lib/identifiers";
import { surveyItemSchema, type SurveyItem } from "./definition";
import { LEVELS } from "./rules";

const id = z.string().trim().min(1).max(64);
/** A checkbox: "on" (form data) or true when ticked; absent when not. */
const checkbox = z.unknown().optional().transform((v) => v === true || v === "on" || v === "true");
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());
/** Is yyyy-mm-dd a day that exists? Date reads "2026-02-30" as 2 March. */
function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
/** A calendar day (yyyy-mm-dd) in Beijing time. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date", abort: true }).refine(isCalendarDay, "date").transform((s) => new Date(`${s}T00:00:00+08:00`));
const optionalDay = z.preprocess((v) => (v === "" || v === null ? undefined : v), day.optional());

/**
 * The answers of one questionnaire, against the survey's items: rating items take one of the five levels,
 * text items trimmed text up to their length; required items must be answered; unknown items are refused.
 * Form fields are named `a.<itemId>`; a JSON caller may send `answers: { itemId: value }`.
 */
export function answersSchema(items: readonly SurveyItem[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const item of items) {
    const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
    // A required item left out (or blank) is "must be answered", not "choose a level".
    const missing = (issue: { input?: unknown }, otherwise?: string) => (issue.input === undefined ? "surveyRequired" : otherwise);
    const base =
      item.type === "rating"
        ? z.enum(LEVELS, { error: (issue) => missing(issue, "surveyLevel") })
        : z.string({ error: (issue) => missing(issue) }).max(item.maxLength, "surveyTooLong");
    shape[item.id] = z.preprocess(blankToUndefined, item.required ? base : base.optional());
  }
  return z.object(shape).strict();
}

/** Form data (`a.<itemId>` fields) or `{ answers }` → the answers object answersSchema checks. */
export function answersInput(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.answers && typeof raw.answers === "object") return raw.answers as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (k.startsWith("a.")) out[k.slice(2)] = v;
  return out;
}

export const submitSurveySchema = storableText(z.object({ surveyId: id }).passthrough());

/** The message key (under "validation") of an item problem; the item rules stay in definition.ts. */
function itemIssueKey(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small") return "tooShort";
  if (issue.code === "too_big") return issue.origin === "number" ? "tooLarge" : "tooLong";
  if (issue.code === "invalid_type" || issue.code === "invalid_union") return "required";
  return issue.message;
}

/**
 * A template's items checked by the content rules (surveyItemSchema), each problem reported at its own
 * field (`items.<i>.text`) with a message key the builder can show, not zod's English default text.
 */
const templateItemsSchema = z
  .array(z.unknown())
  .min(1, "surveyNeedsRating")
  .max(40, "tooLong")
  .transform((items, ctx) => {
    const out: SurveyItem[] = [];
    items.forEach((raw, i) => {
      const parsed = surveyItemSchema.safeParse(raw);
      if (parsed.success) out.push(parsed.data);
      else for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [i, ...issue.path], message: itemIssueKey(issue) });
    });
    return out;
  });

/** A provider's own template: the same rules as a content template (features/surveys/definition.ts). */
export const templateInputSchema = storableText(
  z.object({
    title: z.string().trim().min(4, "tooShort").max(100, "tooLong"),
    intro: z.string().trim().max(500, "tooLong").default(""),
    items: templateItemsSchema,
    /** Copy of this template (content or own) to start from, for the record. */
    basedOn: optionalId,
  }),
);
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const surveyInputSchema = storableText(
  z
    .object({
      templateId: id,
      title: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(4, "tooShort").max(100, "tooLong").optional()),
      target: z.enum(["COURSE", "PROJECT"]),
      courseId: optionalId,
      projectId: optionalId,
      /** Course surveys outside a project: whose learners are asked. */
      regionCode: z.preprocess((v) => (v === "" ? undefined : v), regionCodeSchema.optional()),
      anonymous: checkbox,
      requiredForCertificate: checkbox,
      opensOn: optionalDay,
      closesOn: optionalDay,
    })
    .superRefine((s, ctx) => {
      if (s.target === "COURSE" && !s.courseId) ctx.addIssue({ code: "custom", path: ["courseId"], message: "required" });
      if (s.target === "PROJECT" && !s.projectId) ctx.addIssue({ code: "custom", path: ["projectId"], message: "required" });
      if (!s.projectId && !s.regionCode) ctx.addIssue({ code: "custom", path: ["regionCode"], message: "required" });
      if (s.opensOn && s.closesOn && s.closesOn < s.opensOn) ctx.addIssue({ code: "custom", path: ["closesOn"], message: "surveyCloseBeforeOpen" });
    }),
);
export type SurveyInput = z.infer<typeof surveyInputSchema>;

export const projectInputSchema = storableText(
  z.object({
    name: z.string().trim().min(4, "tooShort").max(100, "tooLong"),
    year: z.coerce.number().int().min(2021, "year").max(2035, "year"),
    regionCode: regionCodeSchema,
    providerId: optionalId,
    satisfactionTarget: z.coerce.number().min(0, "percentRange").max(100, "percentRange").default(85),
  }),
);
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const sessionInputSchema = storableText(
  z.object({
    projectId: id,
    title: z.string().trim().min(4, "tooShort").max(100, "tooLong"),
    heldOn: day,
    location: z.string().trim().min(2, "tooShort").max(100, "tooLong"),
    enterpriseId: optionalId,
    templateId: id,
    anonymous: checkbox,
  }),
);
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const closeSurveySchema = storableText(z.object({ surveyId: id, confirm: z.literal("yes", "confirmRequired") }));

export const reportQuerySchema = z.object({
  region: regionCodeSchema,
  year: z.coerce.number().int().min(2021).max(2100).optional(),
});

// A survey template (content/surveys/<id>.yaml): five-level rating items on the dimensions DOMAIN.md
// names (usefulness, depth, teacher, methods, materials, organisation), an optional overall item, and
// free-text items. Validated here; the rating rules are in ./rules.ts.
import { z } from "zod";

export const DIMENSIONS = ["usefulness", "depth", "teacher", "methods", "materials", "organisation", "overall", "other"] as const;

const itemId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "lower-case id");

export const surveyItemSchema = z.discriminatedUnion("type", [
  z.object({
    id: itemId,
    type: z.literal("rating"),
    text: z.string().min(4).max(200),
    dimension: z.enum(DIMENSIONS).default("other"),
    required: z.boolean().default(true),
    overall: z.boolean().default(false),
  }).strict(),
  z.object({
    id: itemId,
    type: z.literal("text"),
    text: z.string().min(4).max(200),
    required: z.boolean().default(false),
    maxLength: z.number().int().min(10).max(2000).default(500),
  }).strict(),
]);
export type SurveyItem = z.infer<typeof surveyItemSchema>;

export const surveyTemplateSchema = z
  .object({
    id: itemId,
    title: z.string().min(4).max(100),
    intro: z.string().max(500).default(""),
    items: z.array(surveyItemSchema).min(1).max(40),
  })
  .strict()
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.items.forEach((item, i) => {
      if (ids.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `duplicate item id ${item.id}` });
      ids.add(item.id);
    });
    if (!t.items.some((i) => i.type === "rating")) ctx.addIssue({ code: "custom", path: ["items"], message: "at least one rating item" });
    if (t.items.filter((i) => i.type === "rating" && i.overall).length > 1) ctx.addIssue({ code: "custom", path: ["items"], message: "at most one overall item" });
  });
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;

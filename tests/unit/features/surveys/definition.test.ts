// The standard trainee questionnaire in content/ is a valid template with the dimensions DOMAIN.md names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { surveyTemplateSchema } from "@/features/surveys/definition";

const file = path.resolve(import.meta.dirname, "../../../../content/surveys/standard-trainee.yaml");

describe("the standard trainee questionnaire", () => {
  it("is valid, covers the six dimensions with five-level items, has one overall item and free text", () => {
    const t = surveyTemplateSchema.parse(parse(readFileSync(file, "utf8")));
    const ratings = t.items.filter((i) => i.type === "rating");
    expect(ratings.map((i) => i.dimension)).toEqual(["usefulness", "depth", "teacher", "methods", "materials", "organisation", "overall"]);
    expect(ratings.filter((i) => i.overall).map((i) => i.id)).toEqual(["overall"]);
    expect(t.items.filter((i) => i.type === "text").every((i) => !i.required)).toBe(true);
  });

  it("refuses duplicate ids, two overall items and a template without ratings", () => {
    const rating = (id: string, overall = false) => ({ id, type: "rating", text: "是否满意？？", overall });
    expect(surveyTemplateSchema.safeParse({ id: "x", title: "问卷标题", items: [rating("a"), rating("a")] }).success).toBe(false);
    expect(surveyTemplateSchema.safeParse({ id: "x", title: "问卷标题", items: [rating("a", true), rating("b", true)] }).success).toBe(false);
    expect(surveyTemplateSchema.safeParse({ id: "x", title: "问卷标题", items: [{ id: "t", type: "text", text: "意见建议" }] }).success).toBe(false);
  });
});

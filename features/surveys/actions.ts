"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { closeSurvey, createProject, createSession, createSurvey, createTemplate, submitResponse } from "./data";
import { closeSurveySchema, projectInputSchema, sessionInputSchema, submitSurveySchema, surveyInputSchema, templateInputSchema } from "./schemas";

/**
 * A learner submits a questionnaire: form fields `surveyId` and `a.<itemId>` (or `{ surveyId, answers }`).
 * The answers are checked against the survey's own items in submitResponse; a second submission is refused.
 */
export const submitSurveyAction = defineAction({
  schema: submitSurveySchema,
  permission: "survey.answer",
  async run(input, user) {
    const { surveyId, ...rest } = input as { surveyId: string } & Record<string, unknown>;
    const done = await submitResponse(user!, surveyId, rest);
    if (done.courseId) revalidatePath(`/learn/courses/${done.courseId}`);
    revalidatePath("/learn");
    return done;
  },
});

/** A provider builds a questionnaire template of their own. */
export const createTemplateAction = defineAction({
  schema: templateInputSchema,
  permission: "survey.manage",
  async run(input, user) {
    const done = await createTemplate(user!, input);
    revalidatePath("/provider/surveys/templates");
    revalidatePath("/provider/surveys");
    return done;
  },
});

/** Attaches a survey to a course or an annual project. */
export const createSurveyAction = defineAction({
  schema: surveyInputSchema,
  permission: "survey.manage",
  async run(input, user) {
    const done = await createSurvey(user!, input);
    revalidatePath("/provider/surveys");
    if (input.projectId) revalidatePath(`/provider/projects/${input.projectId}`);
    return done;
  },
});

/** A regulator opens an annual project of their region. */
export const createProjectAction = defineAction({
  schema: projectInputSchema,
  permission: "project.manage",
  async run(input, user) {
    const done = await createProject(user!, input);
    revalidatePath("/regulator/projects");
    return done;
  },
});

/** An offline training session of a project, with its survey (link and QR code). */
export const createSessionAction = defineAction({
  schema: sessionInputSchema,
  permission: "survey.manage",
  async run(input, user) {
    const done = await createSession(user!, input);
    revalidatePath(`/provider/projects/${input.projectId}`);
    revalidatePath("/provider/surveys");
    return done;
  },
});

/** Closes a survey now, after an explicit confirmation. */
export const closeSurveyAction = defineAction({
  schema: closeSurveySchema,
  permission: "survey.manage",
  async run(input, user) {
    const done = await closeSurvey(user!, input.surveyId);
    revalidatePath(`/provider/surveys/${input.surveyId}`);
    revalidatePath("/provider/surveys");
    return done;
  },
});

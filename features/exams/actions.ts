"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { recordFocusEvents, saveAnswer, startAttempt, submitAttempt } from "./data";
import { focusEventsSchema, saveAnswerSchema, startExamSchema, submitExamSchema } from "./schemas";

/** Starts (or resumes) the learner's attempt and opens it. */
export const startExamAction = defineAction({
  schema: startExamSchema,
  permission: "learning.own",
  async run(input, user) {
    const { attemptId } = await startAttempt(user!, input.courseId);
    redirect(`/learn/exams/${attemptId}`);
  },
});

/** Autosaves one answer against the server's deadline. */
export const saveAnswerAction = defineAction({
  schema: saveAnswerSchema,
  permission: "learning.own",
  run: (input, user) => saveAnswer(user!, input),
});

/** Submits the attempt; a repeated submit returns the same grade. */
export const submitExamAction = defineAction({
  schema: submitExamSchema,
  permission: "learning.own",
  run: (input, user) => submitAttempt(user!, input.attemptId),
});

/** Page-hidden and blur events during the attempt. */
export const focusEventsAction = defineAction({
  schema: focusEventsSchema,
  permission: "learning.own",
  run: (input, user) => recordFocusEvents(user!, input.attemptId, input.events),
});

"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { answerCheckpoint, saveQuizAttempt } from "./ledger";
import { checkpointAnswerSchema, quizAttemptSchema } from "./schemas";

/** Answers a video check question; the server grades it and, when right, lets the video go on. */
export const answerCheckpointAction = defineAction({
  schema: checkpointAnswerSchema,
  permission: "learning.own",
  run: (input, user) => answerCheckpoint(user!, input),
});

/** Saves a finished practice quiz (graded on the server). */
export const saveQuizAttemptAction = defineAction({
  schema: quizAttemptSchema,
  permission: "learning.own",
  async run(input, user) {
    const attempt = await saveQuizAttempt(user!, input);
    revalidatePath("/learn", "layout");
    return { correct: attempt.correct, total: attempt.total };
  },
});

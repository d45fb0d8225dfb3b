import { z } from "zod";
import { storableText } from "@/lib/identifiers";

export const checkpointAnswerSchema = storableText(
  z.object({
    lessonId: z.string().min(1).max(80),
    checkpointId: z.string().min(1).max(120),
    chosen: z.array(z.string().regex(/^[A-HTF]$/)).min(1).max(8),
  }),
);

export const quizAttemptSchema = storableText(
  z.object({
    lessonId: z.string().min(1).max(80),
    /** In the order the quiz showed them: the question and the options chosen (1-based, as the quiz reports). */
    answers: z
      .array(z.object({ questionId: z.string().min(1).max(80), chosen: z.array(z.number().int().min(1).max(8)).max(8) }))
      .min(1)
      .max(100),
  }),
);

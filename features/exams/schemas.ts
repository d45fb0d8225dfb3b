// What the exam's server actions accept from the browser.
import { z } from "zod";
import { storableText } from "@/lib/identifiers";

const id = z.string().min(1).max(100);

export const startExamSchema = storableText(z.object({ courseId: id }));

export const saveAnswerSchema = storableText(
  z.object({
    attemptId: id,
    questionId: id,
    /** Option keys (A–H), or T / F for a true/false question; [] clears the answer. */
    chosen: z.array(z.string().regex(/^[A-HTF]$/)).max(8),
  }),
);

export const submitExamSchema = storableText(z.object({ attemptId: id }));

export const focusEventsSchema = storableText(
  z.object({
    attemptId: id,
    events: z.array(z.object({ kind: z.enum(["hidden", "blur"]), at: z.coerce.date() })).min(1).max(50),
  }),
);

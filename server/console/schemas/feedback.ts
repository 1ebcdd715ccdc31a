import { z } from "zod";
import { categoryNameSchema, idSchema, safeText } from "./common";

/**
 * Feedback on one request from the console: a score (thumbs up = 1, thumbs down = 0, or anything
 * in between), a category correction, or both. A comment goes with a score only: it is kept on
 * the score's Feedback row.
 */
export const giveFeedbackSchema = z
  .object({
    requestId: idSchema,
    score: z.number().min(0, "0 to 1").max(1, "0 to 1").nullable(),
    comment: safeText(4000).nullable(),
    category: categoryNameSchema.nullable(),
  })
  .superRefine((input, ctx) => {
    if (input.score === null && input.category === null) ctx.addIssue({ code: "custom", path: ["score"], message: "Give a score or pick a category" });
    if (input.score === null && input.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "A comment goes with a score" });
  });
export type GiveFeedbackInput = z.infer<typeof giveFeedbackSchema>;

// Small building blocks shared by the console's schemas (client forms and server alike).
import { z } from "zod";

export const idSchema = z.string().trim().min(1, "Required").max(64);
export const byIdSchema = z.object({ id: idSchema });
export const nameSchema = z.string().trim().min(1, "Enter a name").max(80, "At most 80 characters");
export const modelSlugSchema = z
  .string()
  .trim()
  .min(1, "Enter a model id")
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._:/-]*$/i, "Letters, digits and . _ : / - only");
export const categoryNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a category")
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, "Lower-case letters, digits and _ only");
export const pageSchema = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

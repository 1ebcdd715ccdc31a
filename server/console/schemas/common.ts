// Small building blocks shared by the console's schemas (client forms and server alike).
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../../db/storable-text";

/**
 * Free text the console stores or queries by: trimmed, at most `max` characters, and nothing
 * PostgreSQL refuses (a NUL byte or a lone surrogate would fail the query with the database's
 * own error). Every string a console schema accepts is built on it or on a stricter pattern.
 */
export const safeText = (max: number) =>
  z.string().trim().max(max, `At most ${max.toLocaleString("en")} characters`).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** A list the database stores, capped so that one request cannot write an unbounded row. */
export const boundedList = <Item extends z.ZodType>(item: Item, max: number) => z.array(item).max(max, `At most ${max} entries`);

/** The largest value of a PostgreSQL integer column (JavaScript's safe integers go far beyond). */
export const INT4_MAX = 2_147_483_647;

/** A date a timestamp column holds and a person could mean (JavaScript's range is wider than PostgreSQL's). */
export const dateSchema = z
  .date()
  .min(new Date("2000-01-01T00:00:00Z"), "Pick a date from the year 2000 on")
  .max(new Date("9999-12-31T23:59:59Z"), "Pick a date before the year 10000");

export const idSchema = safeText(64).min(1, "Required");
export const byIdSchema = z.object({ id: idSchema });
export const nameSchema = safeText(80).min(1, "Enter a name");
/** A provider id, e.g. "openai" or "openai-compatible". */
export const providerIdSchema = safeText(40).min(1, "Pick a provider");
export const emailSchema = z.string().trim().toLowerCase().max(254, "At most 254 characters").email("Enter a valid email address");
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
  .regex(/^[a-z][a-z0-9_]*$/, "Lower-case letters, digits and _ only")
  // A category names keys of plain objects (rules, catalog qualities): never one every object has.
  .refine((name) => !(name in Object.prototype), "A reserved name; pick another");
export const pageSchema = z.object({
  cursor: safeText(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

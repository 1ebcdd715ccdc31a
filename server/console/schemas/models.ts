import { z } from "zod";
import { categoryNameSchema, modelSlugSchema } from "./common";

const price = z.number().min(0, "Cannot be negative").max(10_000).nullable();

export const modelFieldsSchema = z.object({
  displayName: z.string().trim().min(1, "Enter a name").max(80),
  providerModelId: z.string().trim().min(1, "Enter the provider's model id").max(120),
  /** USD per 1M tokens; null = unknown (shown as "unknown", never priced as free). */
  inputPricePerMTok: price,
  outputPricePerMTok: price,
  /** Prompt-cache prices (cached reads, cache writes); null = priced as input. */
  cachedInputPricePerMTok: price.optional(),
  cacheWritePricePerMTok: price.optional(),
  contextWindow: z.number().int("Whole number").positive("Must be above 0").max(100_000_000),
  /** 0-100 per category; null = unknown. */
  quality: z.record(categoryNameSchema, z.number().min(0, "0 to 100").max(100, "0 to 100").nullable()),
  latencyMs: z.number().int("Whole number").positive("Must be above 0").nullable(),
  enabled: z.boolean(),
  baseUrl: z.string().trim().max(500).nullable(),
});
export type ModelFields = z.infer<typeof modelFieldsSchema>;

export const updateModelSchema = z.object({ slug: modelSlugSchema, fields: modelFieldsSchema });

export const createCustomModelSchema = z.object({
  slug: modelSlugSchema,
  provider: z.string().trim().min(1, "Pick a provider"),
  fields: modelFieldsSchema,
});

export const setModelLifecycleSchema = z.object({
  slug: modelSlugSchema,
  /** null cancels a deprecation. */
  deprecatedAt: z.date().nullable(),
  replacementSlug: modelSlugSchema.nullable(),
});

export const modelSlugInputSchema = z.object({ slug: modelSlugSchema });

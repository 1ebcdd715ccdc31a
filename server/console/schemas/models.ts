import { z } from "zod";
import { MODEL_KINDS } from "../../routing/types";
import { categoryNameSchema, dateSchema, INT4_MAX, modelSlugSchema, providerIdSchema, safeText } from "./common";

/** Quality scores per model: the built-in categories and the tenant's own, with room to spare. */
const MAX_CATEGORIES = 50;

const price = z.number().min(0, "Cannot be negative").max(10_000).nullable();

export const modelFieldsSchema = z.object({
  displayName: safeText(80).min(1, "Enter a name"),
  providerModelId: safeText(120).min(1, "Enter the provider's model id"),
  /** USD per 1M tokens; null = unknown (shown as "unknown", never priced as free). */
  inputPricePerMTok: price,
  outputPricePerMTok: price,
  /** Prompt-cache prices (cached reads, cache writes); null = priced as input. */
  cachedInputPricePerMTok: price.optional(),
  cacheWritePricePerMTok: price.optional(),
  contextWindow: z.number().int("Whole number").positive("Must be above 0").max(100_000_000),
  /** 0-100 per category; null = unknown. */
  quality: z
    .record(categoryNameSchema, z.number().min(0, "0 to 100").max(100, "0 to 100").nullable())
    .refine((scores) => Object.keys(scores).length <= MAX_CATEGORIES, `At most ${MAX_CATEGORIES} categories`),
  latencyMs: z.number().int("Whole number").positive("Must be above 0").max(INT4_MAX).nullable(),
  enabled: z.boolean(),
  /** Can answer in JSON following a caller's schema; absent = left as it is (a new row: yes). */
  structuredOutputs: z.boolean().optional(),
  /** "embedding": served only by POST /v1/embeddings, never routed to; absent = left as it is (a new row: chat). */
  kind: z.enum(MODEL_KINDS).optional(),
  baseUrl: safeText(500).nullable(),
});
export type ModelFields = z.infer<typeof modelFieldsSchema>;

export const updateModelSchema = z.object({ slug: modelSlugSchema, fields: modelFieldsSchema });

export const createCustomModelSchema = z.object({
  slug: modelSlugSchema,
  provider: providerIdSchema,
  fields: modelFieldsSchema,
});

export const setModelLifecycleSchema = z.object({
  slug: modelSlugSchema,
  /** null cancels a deprecation. */
  deprecatedAt: dateSchema.nullable(),
  replacementSlug: modelSlugSchema.nullable(),
});

export const modelSlugInputSchema = z.object({ slug: modelSlugSchema });

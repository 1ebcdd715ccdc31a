import { z } from "zod";
import { METADATA_LIMITS } from "../../gateway/formats/kept-fields-schema";
import { BUILTIN_CATEGORIES } from "../../routing/types";
import { boundedList, categoryNameSchema, idSchema, INT4_MAX, modelSlugSchema, safeText } from "./common";

/** Models one rule may list (allowed, and again in fallback order): a whole catalog and then some. */
const MAX_RULE_MODELS = 100;
/** Category rules per policy: the built-in categories and the tenant's own. */
const MAX_RULES = 50;
/** The cap of each stored prompt and answer: the default the editor offers, and the most a policy may keep. */
export const DEFAULT_BODY_CAP_BYTES = 32 * 1024;
export const MAX_BODY_CAP_BYTES = 256 * 1024;

export const policyRuleSchema = z.object({
  category: categoryNameSchema,
  qualityBar: z.number().min(0, "0 to 100").max(100, "0 to 100"),
  allowedModels: boundedList(modelSlugSchema, MAX_RULE_MODELS),
  fallbackOrder: boundedList(modelSlugSchema, MAX_RULE_MODELS),
  maxCostUsd: z.number().positive("Must be above 0").max(1_000_000, "At most $1,000,000").nullable(),
  latencyTargetMs: z.number().int("Whole number").positive("Must be above 0").max(INT4_MAX).nullable(),
  /** Share of the category's requests (0-1) answered by a challenger too and graded by the judge. */
  evaluationShare: z.number().min(0, "0 to 100 %").max(1, "0 to 100 %").default(0),
  judgeModel: modelSlugSchema.nullable().default(null),
}).superRefine((rule, ctx) => {
  // A share without a judge would sample requests that nobody can grade.
  if (rule.evaluationShare > 0 && rule.judgeModel === null) ctx.addIssue({ code: "custom", path: ["judgeModel"], message: "Pick a judge model to evaluate this category" });
});
export type PolicyRuleInput = z.infer<typeof policyRuleSchema>;

/**
 * A policy's own categories, matched in order before the classifier (server/routing/
 * match-custom-category.ts). Capped so that matching stays well under a millisecond per request
 * on the shared routing path, whatever a tenant writes: keywords are searched as whole words in
 * the prompt (already cut to a few thousand characters), metadata compared for equality.
 */
const MAX_CUSTOM_CATEGORIES = 20;
const MAX_KEYWORDS = 50;
const MAX_POLICY_KEYWORDS = 100;
/** Request metadata as a custom category matches it (and as the policy tester sends it): within what the gateway accepts on a request. */
const metadataPairsSchema = z
  .record(
    safeText(METADATA_LIMITS.keyChars).pipe(z.string().min(1, "Empty metadata key")),
    safeText(METADATA_LIMITS.valueChars).pipe(z.string().min(1, "Empty metadata value")),
  )
  .refine((metadata) => Object.keys(metadata).length <= METADATA_LIMITS.pairs, `At most ${METADATA_LIMITS.pairs} metadata pairs`);

export const customCategorySchema = z
  .object({
    name: categoryNameSchema.refine((name) => !(BUILTIN_CATEGORIES as readonly string[]).includes(name), "A built-in category; pick another name"),
    keywords: boundedList(safeText(60).pipe(z.string().min(1, "Empty keyword")), MAX_KEYWORDS).default([]),
    metadata: metadataPairsSchema.default({}),
  })
  .superRefine((category, ctx) => {
    // A category with neither would never match.
    if (category.keywords.length === 0 && Object.keys(category.metadata).length === 0) {
      ctx.addIssue({ code: "custom", path: ["keywords"], message: "Give keywords, metadata or both" });
    }
  });
export type CustomCategoryInput = z.infer<typeof customCategorySchema>;

export const policyFieldsSchema = z
  .object({
    // Clients select a policy by this name (`model: "<name>"`), so it stays URL- and header-safe.
    name: z.string().trim().min(1, "Enter a name").max(60).regex(/^[a-z0-9][a-z0-9_-]*$/i, "Letters, digits, - and _ only"),
    description: safeText(300).nullable(),
    // Picked in the editor, so an empty one was never picked rather than mistyped.
    baselineModelSlug: z.string().trim().min(1, "Pick a baseline model").pipe(modelSlugSchema),
    defaultCategory: categoryNameSchema,
    confidenceThreshold: z.number().min(0, "0 to 1").max(1, "0 to 1"),
    difficultyBarRaise: z.number().min(0, "0 to 50").max(50, "0 to 50"),
    cacheTtlSeconds: z.number().int("Whole number").min(0).max(7 * 86_400, "At most a week").nullable(),
    /** Store prompts and answers, each cut at this many bytes; null = store none. Absent on an update = unchanged. */
    storeBodiesMaxBytes: z.number().int("Whole kibibytes").min(1024, "1 to 256 KiB").max(MAX_BODY_CAP_BYTES, "1 to 256 KiB").nullable().optional(),
    rules: boundedList(policyRuleSchema, MAX_RULES).min(1, "Add at least one category rule"),
    /** Absent (a client written before they existed) = none. */
    customCategories: boundedList(customCategorySchema, MAX_CUSTOM_CATEGORIES).default([]),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (seen.has(rule.category)) ctx.addIssue({ code: "custom", path: ["rules", index, "category"], message: "Category appears twice" });
      seen.add(rule.category);
    });
    const named = new Set<string>();
    policy.customCategories.forEach((category, index) => {
      if (named.has(category.name)) ctx.addIssue({ code: "custom", path: ["customCategories", index, "name"], message: "Category appears twice" });
      named.add(category.name);
      // Requests filed under it need a rule to route by.
      if (!seen.has(category.name)) ctx.addIssue({ code: "custom", path: ["customCategories", index, "name"], message: "Add a rule for this category" });
    });
    const keywords = policy.customCategories.reduce((sum, category) => sum + category.keywords.length, 0);
    if (keywords > MAX_POLICY_KEYWORDS) ctx.addIssue({ code: "custom", path: ["customCategories"], message: `At most ${MAX_POLICY_KEYWORDS} keywords in all` });
    if (!seen.has(policy.defaultCategory)) {
      ctx.addIssue({ code: "custom", path: ["defaultCategory"], message: "The default category needs a rule" });
    }
  });
export type PolicyFields = z.infer<typeof policyFieldsSchema>;

/** Days of recorded traffic a what-if replays. */
export const whatIfDaysSchema = z.union([z.literal(7), z.literal(30)]);
export type WhatIfDays = z.infer<typeof whatIfDaysSchema>;

export const updatePolicySchema = z.object({
  id: idSchema,
  /** The version the editor started from; a newer saved version means someone else saved first. */
  expectedVersion: z.number().int().positive(),
  policy: policyFieldsSchema,
  /** The window of the what-if summary stored with the new version. */
  whatIfDays: whatIfDaysSchema.default(7),
});

export const whatIfPolicySchema = z.object({
  policyId: idSchema,
  draft: policyFieldsSchema,
  days: whatIfDaysSchema,
});

export const restorePolicySchema = z.object({
  id: idSchema,
  /** The version to bring back. */
  version: z.number().int().positive().max(INT4_MAX),
  /** The current version the page showed; as for a save, a newer one means someone saved first. */
  expectedVersion: z.number().int().positive(),
});

export const testPolicySchema = z.object({
  policyId: idSchema,
  prompt: z.string().trim().min(1, "Type or paste a prompt").max(100_000, "At most 100,000 characters"),
  system: z.string().max(20_000).nullish(),
  /** The request's metadata, for custom categories that match on it. */
  metadata: metadataPairsSchema.optional(),
  /** An unsaved draft to route with instead of the saved version (the editor's current fields). */
  draft: policyFieldsSchema.optional(),
});

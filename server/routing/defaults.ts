import type { CatalogModel, RoutingPolicy } from "./types";

/**
 * Default catalog: public March 2026 figures.
 * Quality per category: coding = SWE-bench Verified, science = GPQA Diamond,
 * math = ARC-AGI-2, computer_use = OSWorld, general = general index. null = unknown (never 0).
 * Context windows and latencies are published/typical values and are editable in the console.
 */
export const DEFAULT_CATALOG: CatalogModel[] = [
  {
    id: "gpt-5.4",
    provider: "openai",
    providerModelId: "gpt-5.4",
    displayName: "GPT-5.4",
    inputPricePerMTok: 2.5,
    outputPricePerMTok: 20,
    cachedInputPricePerMTok: 0.25,
    contextWindow: 400_000,
    quality: { coding: 78.0, science: 92.8, math: 73.3, computer_use: 75.0, general: 57 },
    latencyMs: 900,
    enabled: true,
    deprecatedAt: null,
    replacementModelId: null,
  },
  {
    id: "claude-opus-4.6",
    provider: "anthropic",
    providerModelId: "claude-opus-4-6",
    displayName: "Claude Opus 4.6",
    inputPricePerMTok: 5,
    outputPricePerMTok: 25,
    cachedInputPricePerMTok: 0.5,
    cacheWritePricePerMTok: 6.25,
    contextWindow: 200_000,
    quality: { coding: 80.8, science: 91.3, math: 68.8, computer_use: 72.7, general: 53 },
    latencyMs: 1400,
    enabled: true,
    deprecatedAt: null,
    replacementModelId: null,
  },
  {
    id: "gemini-3.1-pro",
    provider: "google",
    providerModelId: "gemini-3.1-pro",
    displayName: "Gemini 3.1 Pro",
    inputPricePerMTok: 2,
    outputPricePerMTok: 12,
    cachedInputPricePerMTok: 0.2,
    contextWindow: 1_048_576,
    // computer_use 71 is approximate.
    quality: { coding: 80.6, science: 94.3, math: 77.1, computer_use: 71, general: 57 },
    latencyMs: 1100,
    enabled: true,
    deprecatedAt: null,
    replacementModelId: null,
  },
  {
    id: "glm-5",
    provider: "zhipu", // OpenAI-compatible API
    providerModelId: "glm-5",
    displayName: "GLM-5 (open weights)",
    inputPricePerMTok: 1,
    outputPricePerMTok: null, // unknown
    contextWindow: 200_000,
    // math: only AIME (92.7%) is published, not ARC-AGI-2, so it is unknown here.
    quality: { coding: 77.8, science: 86.0, math: null, computer_use: null, general: 54 },
    latencyMs: 1000,
    enabled: true,
    deprecatedAt: null,
    replacementModelId: null,
    // Its API has a JSON mode (json_object) but does not enforce a JSON schema.
    structuredOutputs: false,
  },
  {
    id: "claude-sonnet-4.6",
    provider: "anthropic",
    providerModelId: "claude-sonnet-4-6",
    displayName: "Claude Sonnet 4.6",
    inputPricePerMTok: 3,
    outputPricePerMTok: 15,
    cachedInputPricePerMTok: 0.3,
    cacheWritePricePerMTok: 3.75,
    contextWindow: 200_000,
    quality: { coding: 79.6, science: 89.9, math: 58.3, computer_use: 72.5, general: null },
    latencyMs: 1000,
    enabled: true,
    deprecatedAt: null,
    replacementModelId: null,
  },
  {
    id: "gemini-3-flash",
    provider: "google",
    providerModelId: "gemini-3-flash-preview",
    displayName: "Gemini 3 Flash",
    inputPricePerMTok: 0.5,
    outputPricePerMTok: 3,
    cachedInputPricePerMTok: 0.05,
    contextWindow: 1_048_576,
    // No OSWorld or general-index figure is published.
    quality: { coding: 78.0, science: 90.4, math: 33.6, computer_use: null, general: null },
    latencyMs: 600,
    enabled: true,
    deprecatedAt: null,
    replacementModelId: null,
  },
  // Embedding models (POST /v1/embeddings only; never routed to). Published prices per 1M input
  // tokens; an embedding has no output tokens. Context window = the most tokens one input may have.
  ...[
    { id: "text-embedding-3-small", provider: "openai", displayName: "OpenAI text-embedding-3-small", inputPricePerMTok: 0.02, contextWindow: 8191 },
    { id: "text-embedding-3-large", provider: "openai", displayName: "OpenAI text-embedding-3-large", inputPricePerMTok: 0.13, contextWindow: 8191 },
    { id: "gemini-embedding-001", provider: "google", displayName: "Gemini Embedding 001", inputPricePerMTok: 0.15, contextWindow: 2048 },
  ].map((m): CatalogModel => ({
    ...m, kind: "embedding", providerModelId: m.id, outputPricePerMTok: 0, quality: {}, latencyMs: 300, enabled: true, deprecatedAt: null, replacementModelId: null,
  })),
];

/**
 * Default policy. A category's bar is met by the baseline on hard prompts and relaxed on easy
 * ones, where models differ less; the bars were chosen on train.jsonl so that every category's
 * expected quality stays at or above the baseline's, and checked on dev.jsonl (docs/ROUTING.md,
 * "Default policy").
 */
export const DEFAULT_POLICY: RoutingPolicy = {
  id: "default",
  name: "Default",
  version: 1,
  baselineModelId: "claude-opus-4.6",
  defaultCategory: "general",
  confidenceThreshold: 0.5,
  difficultyBarRaise: 2.5,
  rules: {
    coding: { qualityBar: 78.9, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null },
    math: { qualityBar: 70, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null },
    science: { qualityBar: 88.4, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null },
    computer_use: { qualityBar: 70.9, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null },
    general: { qualityBar: 53, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null },
  },
  customCategories: [],
};

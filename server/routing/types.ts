/** Public types of the routing engine. Pure data; no runtime code. */
import type { ProfileBook, ProfileOptions, ProfileUse } from "./learning/capability-profile";
import type { CategoryCorrection, CategoryCorrections } from "./learning/category-corrections";
import type { DifficultyLearner, LearnedDifficulty } from "./learning/learned-difficulty";

export type BuiltinCategory = "coding" | "math" | "science" | "computer_use" | "general";
export const BUILTIN_CATEGORIES: readonly BuiltinCategory[] = [
  "coding",
  "math",
  "science",
  "computer_use",
  "general",
] as const;

/** A builtin category or a tenant-defined one. */
export type Category = string;

export const MODEL_KINDS = ["chat", "embedding"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export interface CatalogModel {
  id: string; // catalog slug, e.g. "gpt-5.4"
  provider: string; // "openai" | "anthropic" | "google" | "zhipu" | tenant custom provider id
  providerModelId: string;
  displayName: string;
  inputPricePerMTok: number | null; // USD per 1M tokens; null = unknown
  outputPricePerMTok: number | null;
  /** USD per 1M input tokens read from the provider's prompt cache; absent or null = the input price. */
  cachedInputPricePerMTok?: number | null;
  /** USD per 1M input tokens written to the prompt cache (Anthropic); absent or null = the input price. */
  cacheWritePricePerMTok?: number | null;
  contextWindow: number; // tokens
  quality: Record<string, number | null>; // per category, 0-100; null = unknown
  latencyMs: number | null;
  enabled: boolean;
  deprecatedAt: string | null; // ISO date; deprecated from this instant on
  replacementModelId: string | null;
  /** Can answer in JSON following a caller's JSON schema; absent = can (false: left out of such requests). */
  structuredOutputs?: boolean;
  /** What the model does: "chat" (absent) or "embedding" (served only by POST /v1/embeddings, never routed to). */
  kind?: ModelKind;
}

export interface CategoryRule {
  qualityBar: number;
  allowedModels: string[] | null; // null = all catalog models
  fallbackOrder: string[];
  maxCostUsd: number | null; // per request expected cost cap
  latencyTargetMs: number | null;
  /** Share (0-1) of this category's routed requests answered by a challenger too and judged, off the request's path. Absent = 0. */
  evaluationShare?: number;
  /** Catalog id of the judge model; absent or null = no evaluations for this category. */
  judgeModel?: string | null;
}

export interface CustomCategoryRule {
  name: string;
  keywords?: string[];
  metadata?: Record<string, string>;
}

export interface RoutingPolicy {
  id: string;
  name: string;
  version: number;
  baselineModelId: string;
  defaultCategory: Category; // used when confidence < threshold
  confidenceThreshold: number;
  difficultyBarRaise: number; // quality points added to the bar at difficulty 1
  rules: Record<Category, CategoryRule>;
  customCategories: CustomCategoryRule[];
  /** Optional per-category expected output tokens (overrides the engine defaults). */
  outputTokensByCategory?: Record<Category, number>;
}

export type MessageRole = "system" | "user" | "assistant" | "tool";

export interface RouteRequest {
  messages: { role: MessageRole; content: string }[];
  system?: string;
  tools?: { name: string; description?: string }[];
  /** Input tokens the routed text leaves out (tool calls' arguments, parameter and response schemas): counted in the estimate, never classified. */
  toolingTokens?: number;
  maxOutputTokens?: number;
  forcedCategory?: string;
  metadata?: Record<string, string>;
  /** The caller asked for JSON following a schema: models that cannot honour it are skipped. */
  needsStructuredOutput?: boolean;
}

export interface RouteInput {
  request: RouteRequest;
  catalog: CatalogModel[];
  policy: RoutingPolicy;
  /** Model ids with an open circuit, mapped to the reason. */
  unhealthy: Record<string, string>;
  now: Date;
  /** What the tenant's evidence has taught (absent: route on the catalog and the static estimate). */
  learning?: RouteLearning;
}

export interface RouteLearning {
  /** Capability profiles: used instead of a catalog figure once narrow enough. */
  profiles?: { book: ProfileBook; options?: ProfileOptions };
  /** The learned difficulty: used instead of the static estimate once it has seen enough. */
  difficulty?: DifficultyLearner;
  /** The tenant's category corrections: a close enough correction overrides the classifier. */
  categories?: CategoryCorrections;
}

/** learned: the tenant's category corrections overrode the classifier (forced and custom rules still win). */
export type CategorySource = "forced" | "rule" | "classifier" | "learned" | "default";
export type CandidateStatus = "chosen" | "fallback" | "skipped";

export interface CandidateExplanation {
  modelId: string;
  status: CandidateStatus;
  reason: string;
  expectedCostUsd: number | null;
  requiredQuality: number;
  quality: number | null;
}

export interface RoutingError {
  code: string;
  message: string;
}

export interface RoutingDecision {
  category: Category;
  confidence: number;
  categorySource: CategorySource;
  /** Classifier's own top category and probabilities (present even when forced/rule). */
  classifierCategory?: Category;
  /** The classifier's own confidence in classifierCategory (present when classifierCategory is). */
  classifierConfidence?: number;
  /** How a rule/default decision came about, e.g. "support (keyword \"refund\")". */
  categoryDetail?: string;
  difficulty: number;
  model: CatalogModel | null;
  fallbacks: CatalogModel[];
  degraded: boolean;
  error: RoutingError | null;
  estimate: {
    inputTokens: number;
    outputTokens: number;
    costUsd: number | null;
    baselineCostUsd: number | null;
  };
  /** The models the rule allows, each with its status and reason (every catalog model when it has no allowed list). */
  candidates: CandidateExplanation[];
  /** Catalog models the rule's allowed list excludes: counted, not listed in `candidates`. */
  modelsNotAllowed: number;
  /** Non-fatal remarks, e.g. an unknown forced category that was ignored. */
  notes?: string[];
  summary: string;
}

/**
 * What learning changed in a decision (present when the route input carried `learning`): the static
 * estimate, the learned difficulty (null: not enough evidence yet) and, per model with evidence,
 * which quality figure was used and on how much evidence. Kept apart from RoutingDecision so that
 * its consumers see the same shape as before.
 */
export interface DecisionLearning {
  learning?: {
    staticDifficulty: number;
    learnedDifficulty: LearnedDifficulty | null;
    profiles: readonly ProfileUse[];
    /** The category the tenant's corrections gave the request (null: none close enough, or none taught). */
    learnedCategory: CategoryCorrection | null;
  };
}

export type CostEstimate = { priced: true; usd: number } | { priced: false; reason: string };

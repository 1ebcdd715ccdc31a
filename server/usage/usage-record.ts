// What the gateway (and the demo traffic generator) records for every request.
import type { LearnerFeatures } from "../routing/learning/learned-difficulty";
import type { RequestBodies } from "./request-bodies";

export interface AttemptRecord {
  model: string;
  provider: string;
  status: number;
  errorClass: string | null;
  latencyMs: number;
}

export interface UsageRecord {
  id: string;
  tenantId: string;
  apiKeyId: string | null;
  teamId: string | null;
  policyId: string | null;
  endpoint: "openai" | "anthropic" | "openai-responses" | "openai-embeddings";
  requestedModel: string;
  category: string | null;
  categorySource: string | null;
  confidence: number | null;
  difficulty: number | null;
  /**
   * What the router saw that replaying the request under another policy needs (server/usage/replay-fields.ts):
   * its input token estimate, the request's max_tokens, the category forced by header, the
   * classifier's own category and confidence, and whether it asked for JSON following a schema.
   * Absent or null when the request was not routed.
   */
  estimatedInputTokens?: number | null;
  maxOutputTokens?: number | null;
  forcedCategory?: string | null;
  classifierCategory?: string | null;
  classifierConfidence?: number | null;
  needsStructuredOutput?: boolean | null;
  chosenModel: string | null;
  provider: string | null;
  attempts: AttemptRecord[];
  fallbackCount: number;
  inputTokens: number;
  outputTokens: number;
  /** The shares of inputTokens the provider's prompt cache read and wrote; absent or null when not reported. */
  cachedInputTokens?: number | null;
  cacheWriteTokens?: number | null;
  /** null = unpriced: the catalog has no price for the model. */
  costUsd: number | null;
  baselineCostUsd: number | null;
  latencyMs: number;
  ttftMs: number | null;
  cacheHit: boolean;
  stream: boolean;
  simulated: boolean;
  status: number;
  errorClass: string | null;
  explanation: unknown;
  /** Why the answer ended (stop, length, tool_calls, content_filter, error); absent or null without one. */
  finishReason?: string | null;
  /** Implicit signals of the answer (server/learning/implicit-signals.ts); absent = none. */
  signals?: string[];
  /**
   * The learned difficulty's features of a routed request with user text, as copied from the
   * router (the usage writer stores them encoded, see server/learning/stored-features.ts); absent
   * or null otherwise.
   */
  features?: LearnerFeatures | null;
  /** The prompt and answer, capped, when the request's policy stores them (redacted by the usage writer); absent otherwise. */
  bodies?: RequestBodies | null;
  createdAt: Date;
}

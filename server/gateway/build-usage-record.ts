// Turns one gateway request's outcome into its usage record, pricing the real token counts
// with the catalog (unknown price -> unpriced, never $0) and the policy's baseline model.
import { costOrNull, usageCost } from "../routing/estimate-cost";
import type { CatalogModel, RoutingDecision } from "../routing/types";
import type { Usage } from "../providers/types";
import type { AttemptRecord, UsageRecord } from "../usage/usage-record";
import { implicitSignals, type ImplicitSignal } from "../learning/implicit-signals";
import type { SeenAnswer } from "../learning/observe-answer";
import type { LearnerFeatures } from "../routing/learning/learned-difficulty";
import type { GatewayKey } from "./config-cache";
import { fallbackCount } from "./run-attempts";
import type { ReplayFields } from "../usage/replay-fields";
import { finishBodyCapture, type BodyCapture } from "../usage/request-bodies";

/** What the pipeline learnt about a request by the time it ended (filled in as it goes). */
export interface RequestOutcome {
  requestId: string;
  endpoint: UsageRecord["endpoint"];
  requestedModel: string;
  policyId: string | null;
  decision: RoutingDecision | null;
  explanation: unknown;
  served: CatalogModel | null;
  baseline: CatalogModel | null;
  attempts: AttemptRecord[];
  usage: Usage | null;
  stream: boolean;
  simulated: boolean;
  cacheHit: boolean;
  ttftMs: number | null;
  startedAt: Date;
  /** What came back from the served model (absent when nothing did). */
  answer?: SeenAnswer | null;
  /** The learned difficulty's features, for a routed request with user text. */
  features?: LearnerFeatures | null;
  /** What replaying the routing decision under another policy needs (routed requests). */
  replay?: ReplayFields | null;
  /** The prompt, when the request's policy stores prompts and answers. */
  bodies?: BodyCapture | null;
  /** The answer's whole text (a reference, not a copy), kept for the stored answer. */
  answerText?: string | null;
}

/** How it ended, and whose key it was. */
export interface RequestEnd {
  key: GatewayKey;
  status: number;
  errorClass: string | null;
  latencyMs: number;
}

/** What the usage cost at the model's catalog prices; null when unpriced, 0 when nothing was used. */
export function priceUsage(model: CatalogModel | null, usage: Usage | null): number | null {
  if (!usage || (usage.inputTokens === 0 && usage.outputTokens === 0)) return 0;
  if (!model) return null;
  return costOrNull(usageCost(model, { input: usage.inputTokens, output: usage.outputTokens, cachedInput: usage.cachedInputTokens, cacheWrite: usage.cacheWriteTokens }));
}

/**
 * The answer's implicit signals. A request every attempt of which failed upstream (5xx) is an
 * "error" of its plan; a cached answer was judged when it was first served, so it adds nothing.
 */
export function signalsOf(o: RequestOutcome, status: number): ImplicitSignal[] {
  if (o.cacheHit) return [];
  if (status >= 500) return o.attempts.length > 0 ? ["error"] : [];
  if (status !== 200 || !o.answer) return [];
  return implicitSignals({ ...o.answer, fallbackAfterFailure: fallbackCount(o.attempts) > 0 });
}

export function buildUsageRecord(o: RequestOutcome, end: RequestEnd): UsageRecord {
  return {
    id: o.requestId,
    tenantId: end.key.tenantId,
    apiKeyId: end.key.id,
    teamId: end.key.teamId,
    policyId: o.policyId,
    endpoint: o.endpoint,
    requestedModel: o.requestedModel,
    category: o.decision?.category ?? null,
    categorySource: o.decision?.categorySource ?? null,
    confidence: o.decision?.confidence ?? null,
    difficulty: o.decision?.difficulty ?? null,
    ...o.replay,
    chosenModel: o.served?.id ?? null,
    provider: o.served?.provider ?? null,
    attempts: o.attempts,
    fallbackCount: fallbackCount(o.attempts),
    inputTokens: o.usage?.inputTokens ?? 0,
    outputTokens: o.usage?.outputTokens ?? 0,
    // A response-cache hit called no provider: its prompt cache did nothing for it.
    cachedInputTokens: o.cacheHit ? null : (o.usage?.cachedInputTokens ?? null),
    cacheWriteTokens: o.cacheHit ? null : (o.usage?.cacheWriteTokens ?? null),
    costUsd: o.cacheHit ? 0 : priceUsage(o.served, o.usage),
    baselineCostUsd: priceUsage(o.baseline, o.usage),
    latencyMs: end.latencyMs,
    ttftMs: o.ttftMs,
    cacheHit: o.cacheHit,
    stream: o.stream,
    simulated: o.simulated,
    status: end.status,
    errorClass: end.errorClass,
    explanation: o.explanation,
    finishReason: o.answer?.finishReason ?? null,
    signals: signalsOf(o, end.status),
    features: o.features ?? null,
    bodies: o.bodies ? finishBodyCapture(o.bodies, o.answerText ?? null) : null,
    createdAt: o.startedAt,
  };
}

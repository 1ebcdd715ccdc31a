// What the router saw that replaying a request under another policy needs (the policy what-if):
// numbers the decision and the request already hold, copied onto the usage record.
import type { RouteRequest, RoutingDecision } from "../routing/types";
import type { UsageRecord } from "./usage-record";

export type ReplayFields = Required<Pick<UsageRecord, "estimatedInputTokens" | "maxOutputTokens" | "forcedCategory" | "classifierCategory" | "classifierConfidence" | "needsStructuredOutput">>;

/** The columns are 32-bit: a client's max_tokens of 10^12 must not make PostgreSQL refuse the batch. */
const INT4_MAX = 2_147_483_647;

export function replayFieldsOf(decision: RoutingDecision, request: Pick<RouteRequest, "maxOutputTokens" | "forcedCategory" | "needsStructuredOutput">): ReplayFields {
  return {
    estimatedInputTokens: Math.min(decision.estimate.inputTokens, INT4_MAX),
    maxOutputTokens: request.maxOutputTokens === undefined ? null : Math.min(request.maxOutputTokens, INT4_MAX),
    forcedCategory: request.forcedCategory ?? null,
    classifierCategory: decision.classifierCategory ?? null,
    classifierConfidence: decision.classifierConfidence ?? null,
    needsStructuredOutput: request.needsStructuredOutput === true,
  };
}

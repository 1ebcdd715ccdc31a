// Response headers that explain each answer, and error responses in the caller's format.
import { costOrNull, estimateCost } from "../routing/estimate-cost";
import type { CatalogModel, RoutingDecision } from "../routing/types";
import type { UpstreamError } from "../providers/upstream-error";
import type { AttemptRecord } from "../usage/usage-record";
import { logInternalError } from "../errors/log-internal-error";
import type { CallerFormat } from "./formats/types";
import { GatewayError } from "./gateway-error";
import { jsonResponse, type GatewayResponse } from "./gateway-request";
import { fallbackCount } from "./run-attempts";

/** USD with 8 decimals, or "unpriced" when the catalog lacks a price (never a made-up $0). */
export function formatCost(costUsd: number | null): string {
  return costUsd === null ? "unpriced" : costUsd.toFixed(8);
}

export function gatewayHeaders(info: {
  requestId: string;
  model: CatalogModel;
  /** null for a request that is not routed (embeddings): it has no category. */
  decision: RoutingDecision | null;
  attempts: AttemptRecord[];
  simulated: boolean;
  replaced: string[];
}): Record<string, string> {
  const headers: Record<string, string> = {
    "x-switchyard-request-id": info.requestId,
    "x-switchyard-model": info.model.id,
    "x-switchyard-fallbacks": String(fallbackCount(info.attempts)),
    "x-switchyard-cache": "miss",
    "x-switchyard-simulated": String(info.simulated),
  };
  if (info.decision) headers["x-switchyard-category"] = info.decision.category;
  if (info.replaced.length) headers["x-switchyard-replaced-model"] = info.replaced.join(",");
  return headers;
}

/** The real cost of an answer, known when its usage is: a JSON answer's, or any cache hit's ($0). */
export const COST_HEADER = "x-switchyard-cost-usd";
/** A stream's headers leave before its usage is known: they carry the cost expected before the call. */
export const ESTIMATED_COST_HEADER = "x-switchyard-estimated-cost-usd";

/** The served model's cost for the routing estimate's tokens (input, and output up to the expected length). */
export function estimatedCost(model: CatalogModel, decision: RoutingDecision): string {
  const { inputTokens, outputTokens } = decision.estimate;
  return formatCost(costOrNull(estimateCost(model, inputTokens, outputTokens)));
}

function upstreamFailureStatus(error: UpstreamError): number {
  if (error.kind === "bad_request") return 400;
  if (error.kind === "rate_limited") return 429;
  if (error.kind === "timeout") return 504;
  return 502;
}

/** What the caller sees when the plan ended in `last`: its own request refused, or every model failed. */
export function upstreamFailure(last: UpstreamError, attempts: number): GatewayError {
  const status = upstreamFailureStatus(last);
  const headers: Record<string, string> = last.retryAfterMs !== undefined ? { "retry-after": String(Math.ceil(last.retryAfterMs / 1000)) } : {};
  const message =
    status === 400
      ? `The provider ${last.provider} rejected the request: ${last.message}`
      : `${attempts > 1 ? `All ${attempts} models in the plan failed` : "The model failed"}; last error from ${last.provider}: ${last.message}`;
  return new GatewayError(status, message, headers);
}

export function errorResponse<Body>(format: CallerFormat<Body>, error: GatewayError, requestId: string): GatewayResponse {
  return jsonResponse(format.buildErrorBody(error.status, error.message, error.code), {
    status: error.status,
    headers: { ...error.headers, ...(requestId ? { "x-switchyard-request-id": requestId } : {}) },
  });
}

/**
 * Runs an endpoint's work: a GatewayError it throws becomes its answer in `format`; anything
 * else (a database error, say) a 500 that carries only a reference to the server log.
 */
export async function answerInFormat<Body>(format: CallerFormat<Body>, answer: () => Promise<GatewayResponse>): Promise<GatewayResponse> {
  try {
    return await answer();
  } catch (error) {
    if (error instanceof GatewayError) return errorResponse(format, error, "");
    return errorResponse(format, new GatewayError(500, logInternalError("gateway", error)), "");
  }
}

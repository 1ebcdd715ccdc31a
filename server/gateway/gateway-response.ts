// Response headers that explain each answer, and error responses in the caller's format.
import type { CatalogModel, RoutingDecision } from "../routing/types";
import type { UpstreamError } from "../providers/upstream-error";
import type { AttemptRecord } from "../usage/usage-record";
import type { CallerFormat } from "./formats/types";
import type { GatewayError } from "./gateway-error";

export function gatewayHeaders(info: {
  requestId: string;
  model: CatalogModel;
  decision: RoutingDecision;
  attempts: AttemptRecord[];
  simulated: boolean;
  replaced: string[];
}): Headers {
  const headers = new Headers({
    "x-switchyard-request-id": info.requestId,
    "x-switchyard-model": info.model.id,
    "x-switchyard-category": info.decision.category,
    "x-switchyard-fallbacks": String(Math.max(0, info.attempts.length - 1)),
    "x-switchyard-cache": "miss",
    "x-switchyard-simulated": String(info.simulated),
  });
  if (info.decision.estimate.costUsd !== null) headers.set("x-switchyard-cost-usd", info.decision.estimate.costUsd.toFixed(8));
  if (info.replaced.length) headers.set("x-switchyard-replaced-model", info.replaced.join(","));
  return headers;
}

/** What the caller sees when every model of the plan failed. */
export function upstreamFailureStatus(error: UpstreamError): number {
  if (error.kind === "bad_request") return 400;
  if (error.kind === "rate_limited") return 429;
  if (error.kind === "timeout") return 504;
  return 502;
}

export function errorResponse<Body>(format: CallerFormat<Body>, error: GatewayError, requestId: string): Response {
  return Response.json(format.buildErrorBody(error.status, error.message), {
    status: error.status,
    headers: { ...error.headers, "x-switchyard-request-id": requestId },
  });
}

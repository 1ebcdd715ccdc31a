// How a gateway request that failed is answered and recorded, whatever it asked for (chat or
// embeddings): the client gone, every model of the plan failed upstream, a refusal of ours, or
// a fault of the gateway (whose text stays in the server log).
import type { CallerFormat } from "./formats/types";
import { GatewayError } from "./gateway-error";
import type { GatewayRequest, GatewayResponse } from "./gateway-request";
import { errorResponse, upstreamFailure } from "./gateway-response";
import { AttemptsFailed, fallbackCount } from "./run-attempts";
import type { RequestScope } from "./request-scope";
import { warnUpstreamDetail } from "../observability/warn-upstream-detail";

export function answerFailure<Body>(error: unknown, request: GatewayRequest, format: CallerFormat<Body>, scope: RequestScope): GatewayResponse {
  const { requestId, outcome, record } = scope;
  if (request.disconnected) {
    record(499, "client_disconnected");
    return errorResponse(format, new GatewayError(499, "The client closed the request"), requestId);
  }
  if (error instanceof AttemptsFailed) {
    outcome.attempts = error.attempts;
    const failure = upstreamFailure(error.last, fallbackCount(error.attempts) + 1);
    // What the upstream said stays in the server's logs; the caller gets the status and code.
    warnUpstreamDetail(`[gateway] ${requestId}`, error.last);
    record(failure.status, error.last.kind);
    return errorResponse(format, failure, requestId);
  }
  if (error instanceof GatewayError) {
    record(error.status, "request_error");
    return errorResponse(format, error, requestId);
  }
  console.error(`[gateway] ${requestId} failed:`, error);
  record(500, "internal");
  return errorResponse(format, new GatewayError(500, "Internal error in the gateway"), requestId);
}

// Which handler serves a method and path: the lean server (node-server.ts) looks up every
// gateway request here, under `npm run gateway` and `npm start` alike.
import { handleChatCompletions, handleMessages, handleResponses } from "./endpoints";
import { buildAnthropicErrorBody } from "./formats/anthropic-errors";
import { buildOpenAIErrorBody } from "./formats/openai-errors";
import { jsonResponse, type GatewayHandler, type GatewayResponse, type HeaderSource } from "./gateway-request";
import { handleCountTokens } from "./handle-count-tokens";
import { handleEmbeddings } from "./handle-embeddings";
import { handleFeedback } from "./handle-feedback";
import { handleModel, handleModels } from "./handle-models";
import { handleRoutePreview } from "./handle-route-preview";
import { handleMetrics, metricsEnabled } from "../observability/metrics-endpoint";

type Methods = Partial<Record<string, GatewayHandler>>;

const ROUTES: Record<string, Methods> = {
  "/v1/chat/completions": { POST: handleChatCompletions },
  "/v1/messages": { POST: handleMessages },
  "/v1/messages/count_tokens": { POST: handleCountTokens },
  "/v1/responses": { POST: handleResponses },
  "/v1/embeddings": { POST: handleEmbeddings },
  "/v1/models": { GET: handleModels },
  "/v1/route": { POST: handleRoutePreview },
  "/v1/feedback": { POST: handleFeedback },
  // Only with a token to protect it: otherwise the path is a 404 like any other.
  ...(metricsEnabled ? { "/metrics": { GET: handleMetrics } } : {}),
};

const MODEL_PATH_PREFIX = "/v1/models/";

/** The model id of `/v1/models/<id>`; SDKs encode ids such as `policy/default` as one segment. */
function modelIdFromPath(path: string): string | null {
  if (!path.startsWith(MODEL_PATH_PREFIX) || path.length === MODEL_PATH_PREFIX.length) return null;
  try {
    return decodeURIComponent(path.slice(MODEL_PATH_PREFIX.length));
  } catch {
    return null;
  }
}

function methodsOf(path: string): Methods | null {
  const fixed = ROUTES[path];
  if (fixed) return fixed;
  const modelId = modelIdFromPath(path);
  return modelId === null ? null : { GET: (request) => handleModel(request, modelId) };
}

const SERVED = Object.entries(ROUTES)
  .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
  .concat(`GET ${MODEL_PATH_PREFIX}{id}`)
  .join(", ");

/**
 * 404 for a path the gateway does not serve, 405 (with Allow) for a method it does not serve
 * there, as JSON in the caller's error format: an HTML page or an empty body would leave the
 * SDKs with an error that does not say what went wrong.
 */
function unservedRoute(method: string, path: string, headers: HeaderSource): GatewayResponse {
  const allowed = Object.keys(methodsOf(path) ?? {});
  const status = allowed.length > 0 ? 405 : 404;
  const message =
    status === 405
      ? `${method} is not supported on ${path}; use ${allowed.join(" or ")}`
      : `Unknown path ${method} ${path}. This gateway serves ${SERVED}`;
  // OpenAI's own answer to an unknown URL carries no code (its 404 shape would say model_not_found).
  const body = headers.get("anthropic-version") !== null ? buildAnthropicErrorBody(status, message) : buildOpenAIErrorBody(status, message, null);
  return jsonResponse(body, { status, headers: status === 405 ? { allow: allowed.join(", ") } : {} });
}

/** The handler for `method path`, or one that answers why there is none. */
export function findGatewayHandler(method: string, path: string): GatewayHandler {
  return methodsOf(path)?.[method] ?? (async (request) => unservedRoute(method, path, request.headers));
}

// POST /v1/embeddings: key -> body -> the embedding model asked for (never routed) -> response
// cache -> admission (rate limits, budget hold) -> provider, with retries and fallback only to
// other catalog entries of the same model (vectors of another model would not be comparable)
// -> the answer in OpenAI's format -> usage record and budget settlement.
import { getDb } from "../db/client";
import { AbortScope } from "../providers/abort-scope";
import { callEmbeddings } from "../providers/call-embeddings";
import { inputTokenCounts, sumOf, type EmbeddingRequest, type EmbeddingResult } from "../providers/embeddings";
import { kindOf } from "../routing/model-kind";
import type { CatalogModel } from "../routing/types";
import { responseCacheKey } from "../cache/cache-key";
import { CACHE_HEADER, cacheDirective } from "../cache/cache-directive";
import { getResponseCache } from "../cache/response-cache-instance";
import { admitEstimate } from "./admit-request";
import { requireScope } from "./authenticate-key";
import { answerFailure } from "./answer-failure";
import { tenantConfig } from "./config-cache";
import { openAIFormat } from "./formats/openai";
import { parseEmbeddingsBody, serializeEmbeddingsBody, toEmbeddingRequest } from "./formats/openai-embeddings";
import { badRequest } from "./gateway-error";
import type { GatewayRequest, GatewayResponse } from "./gateway-request";
import { COST_HEADER, formatCost, gatewayHeaders } from "./gateway-response";
import type { TenantConfig } from "./load-tenant-config";
import { readJsonBody } from "./read-json-body";
import { RequestScope } from "./request-scope";
import { isDeprecated, resolveModel } from "./resolve-model";
import { resolveProviderTarget } from "./resolve-provider-target";
import { warnCacheUnavailable } from "./response-cache-step";
import { UPSTREAM_MAX_ANSWER_BYTES, UPSTREAM_TIMEOUTS, defaultGuards, tryInOrder, type AttemptSuccess } from "./run-attempts";

/** OpenAI's own limit on the tokens of one embeddings request. */
export const MAX_EMBEDDING_REQUEST_TOKENS = 300_000;

const servesEmbeddings = (model: CatalogModel, config: TenantConfig) => resolveProviderTarget(model, config, false).adapter.embeddings !== undefined;
const isSimulated = (model: CatalogModel, config: TenantConfig) => resolveProviderTarget(model, config, false).simulated;

/**
 * The model asked for, then the catalog's other enabled entries of the same provider model
 * (another provider or base URL serving it), whose vectors are interchangeable with its own.
 * A real model never falls back to the simulator's made-up vectors.
 */
export function embeddingPlan(model: CatalogModel, config: TenantConfig, now: Date): CatalogModel[] {
  if (!servesEmbeddings(model, config)) throw badRequest(`The model '${model.id}' is served by a provider that has no embeddings API`);
  const simulated = isSimulated(model, config);
  const twins = config.catalog.filter(
    (m) =>
      m.id !== model.id && kindOf(m) === "embedding" && m.providerModelId === model.providerModelId && m.enabled && !isDeprecated(m, now) &&
      servesEmbeddings(m, config) && isSimulated(m, config) === simulated,
  );
  return [model, ...twins];
}

/** Refuses inputs longer than the model reads, and requests larger than OpenAI accepts; returns the tokens counted. */
function checkedTokens(request: EmbeddingRequest, model: CatalogModel): number {
  const counts = inputTokenCounts(request.inputs);
  const longest = counts.findIndex((tokens) => tokens > model.contextWindow);
  if (longest >= 0) throw badRequest(`input[${longest}] has about ${counts[longest]} tokens; '${model.id}' reads at most ${model.contextWindow}`);
  const total = sumOf(counts);
  if (total > MAX_EMBEDDING_REQUEST_TOKENS) throw badRequest(`The inputs have about ${total} tokens; at most ${MAX_EMBEDDING_REQUEST_TOKENS} per request`);
  return total;
}

export async function handleEmbeddings(request: GatewayRequest): Promise<GatewayResponse> {
  const scope = new RequestScope("openai-embeddings");
  const { startedAt, started, outcome, record } = scope;
  const db = getDb();

  try {
    const key = await scope.identify(db, request.headers);
    requireScope(key);
    const body = parseEmbeddingsBody(await readJsonBody(request));
    outcome.requestedModel = body.model;
    const config = await tenantConfig(db, key.tenantId);
    const selection = resolveModel(body.model, key, config, startedAt, "embedding");
    if (selection.kind !== "direct") throw badRequest("Embeddings are not routed: set 'model' to an embedding model listed by GET /v1/models (kind 'embedding')");
    outcome.policyId = selection.policy.id;
    const embedding = toEmbeddingRequest(body);
    const counted = checkedTokens(embedding, selection.model);
    const plan = embeddingPlan(selection.model, config, startedAt);

    const directive = cacheDirective(request.headers, config.cacheTtlSecondsByPolicy.get(selection.policy.id));
    const cacheKey = directive.lookup || directive.store ? responseCacheKey({ tenantId: config.tenantId, selection: `embeddings:${selection.model.id}`, request: embedding }) : "";
    const cached = directive.lookup ? await getResponseCache().get<EmbeddingResult>(cacheKey).catch(warnCacheUnavailable) : null;
    const cachedModel = cached ? config.catalog.find((m) => m.id === cached.modelId) : undefined;
    let success: AttemptSuccess<EmbeddingResult>;
    if (cached && cachedModel) {
      success = { result: cached.response, model: cachedModel, simulated: false, attempts: [] };
      outcome.cacheHit = true;
    } else {
      scope.ticket = await admitEstimate(key, plan, counted, 0);
      const abort = new AbortScope();
      request.onDisconnect(() => abort.abort(new Error("client disconnected")));
      success = await tryInOrder(plan, abort, defaultGuards(key.tenantId), (model) => {
        const { adapter, target, simulated } = resolveProviderTarget(model, config, false);
        return { simulated, call: () => callEmbeddings(adapter, adapter.embeddings!, embedding, target, { signal: abort, timeouts: UPSTREAM_TIMEOUTS, maxAnswerBytes: UPSTREAM_MAX_ANSWER_BYTES }) };
      });
      if (directive.store) void getResponseCache().set(cacheKey, { response: success.result, modelId: success.model.id }, directive.ttlMs).catch(warnCacheUnavailable);
    }
    outcome.attempts = success.attempts;
    outcome.served = success.model;
    outcome.simulated = success.simulated;
    const inputTokens = success.result.inputTokens ?? counted;
    outcome.usage = { inputTokens, outputTokens: 0 };
    outcome.ttftMs = Math.round(performance.now() - started);

    const headers = gatewayHeaders({ requestId: scope.requestId, model: success.model, decision: null, attempts: success.attempts, simulated: success.simulated, replaced: selection.replaced });
    headers[CACHE_HEADER] = outcome.cacheHit ? "hit" : directive.missLabel;
    headers[COST_HEADER] = formatCost(record(200, null)?.costUsd ?? null);
    const text = await serializeEmbeddingsBody(success.result, inputTokens, success.model.id, body.encoding_format ?? "float");
    return { status: 200, headers: { "content-type": "application/json", ...headers }, body: text };
  } catch (error) {
    return answerFailure(error, request, openAIFormat, scope);
  }
}

// The gateway's request pipeline for both caller formats: key -> body -> policy (cached) ->
// route (around open circuits) -> response cache -> admission (rate limits, budget hold) ->
// provider with retries and fallback -> response in the caller's format -> usage record and
// budget settlement.
import type { z } from "zod";
import { getDb } from "../db/client";
import { AbortScope } from "../providers/abort-scope";
import { route } from "../routing";
import type { CatalogModel, RoutingDecision, RouteRequest } from "../routing/types";
import type { ChatResponse, StreamEvent, Usage } from "../providers/types";
import type { UsageRecord } from "../usage/usage-record";
import { describeValidationError } from "./formats/describe-validation-error";
import type { CallerFormat, CanonicalInput } from "./formats/types";
import { answerFailure } from "./answer-failure";
import { requireScope } from "./authenticate-key";
import { tenantConfig } from "./config-cache";
import { badRequest, unavailable } from "./gateway-error";
import { readJsonBody } from "./read-json-body";
import { resolveModel, type ModelSelection } from "./resolve-model";
import { needsStructuredOutput, requireStructuredOutput } from "./require-structured-output";
import { runAttempts, type AttemptSuccess } from "./run-attempts";
import { getCircuitBreakers } from "../resilience/circuit-breakers-instance";
import { replayAsStream } from "../cache/replay-stream";
import { CACHE_HEADER } from "../cache/cache-directive";
import { admitRequest } from "./admit-request";
import { cacheStepOf, lookupCached, storeResponse, storeStream } from "./response-cache-step";
import { priceUsage } from "./build-usage-record";
import { streamResponse } from "./stream-response";
import { usageOf } from "./estimate-usage";
import { COST_HEADER, ESTIMATED_COST_HEADER, estimatedCost, formatCost, gatewayHeaders } from "./gateway-response";
import { RequestScope } from "./request-scope";
import { jsonResponse, type GatewayRequest, type GatewayResponse, type HeaderSource } from "./gateway-request";
import { LARGE_REQUEST_TOKENS, yieldIfLarge } from "./yield-to-event-loop";
import { answerOf, sampleEvaluation } from "../learning/evaluation/offer-evaluation";
import { seenAnswerOf } from "../learning/observe-answer";
import { routedRequestFeatures } from "../learning/stored-features";
import { replayFieldsOf } from "../usage/replay-fields";
import { startBodyCapture } from "../usage/request-bodies";

export interface ChatEndpoint<Body> {
  name: UsageRecord["endpoint"];
  schema: z.ZodType<Body>;
  format: CallerFormat<Body>;
}

export const CATEGORY_HEADER = "x-switchyard-category";

export function routeRequestOf(input: CanonicalInput, headers: HeaderSource): RouteRequest {
  const forced = headers.get(CATEGORY_HEADER)?.trim();
  return {
    messages: input.view.messages,
    system: input.view.system,
    tools: input.view.tools,
    toolingTokens: input.view.toolingTokens,
    maxOutputTokens: input.request.maxTokens,
    forcedCategory: forced || undefined,
    metadata: input.request.metadata,
    needsStructuredOutput: needsStructuredOutput(input.request) || undefined,
  };
}

/** The models to try in order: the one asked for directly, or the decision's model and its fallbacks (none when no model can serve). */
function plannedModels(selection: ModelSelection, decision: RoutingDecision): CatalogModel[] {
  if (selection.kind === "direct") return [selection.model];
  return decision.model ? [decision.model, ...decision.fallbacks] : [];
}

/** The plan, or the 503 of a request no model can serve. */
export function planOf(selection: ModelSelection, decision: RoutingDecision): CatalogModel[] {
  const plan = plannedModels(selection, decision);
  if (plan.length === 0) throw unavailable(decision.error?.message ?? "No model in the catalog can serve this request");
  return plan;
}

type Explanation = Omit<RoutingDecision, "model" | "fallbacks"> & { plan: string[]; direct?: string; replacedDeprecated?: string[] };

/** The decision without its model objects, plus the plan. Fields are listed (no rest spread, slow per request); the type names every one. */
function explanationOf(decision: RoutingDecision, selection: ModelSelection): Explanation {
  const d = decision;
  const explanation: Required<Omit<Explanation, "direct" | "replacedDeprecated">> = {
    category: d.category, confidence: d.confidence, categorySource: d.categorySource, classifierCategory: d.classifierCategory!,
    classifierConfidence: d.classifierConfidence!, categoryDetail: d.categoryDetail!, difficulty: d.difficulty, degraded: d.degraded, error: d.error, estimate: d.estimate,
    // An empty plan when no model can serve: the request's log row still says why.
    candidates: d.candidates, modelsNotAllowed: d.modelsNotAllowed, notes: d.notes!, summary: d.summary, plan: plannedModels(selection, decision).map((m) => m.id),
  };
  return selection.kind === "direct" ? { ...explanation, direct: selection.model.id, replacedDeprecated: selection.replaced } : explanation;
}

export async function handleChatRequest<Body>(request: GatewayRequest, endpoint: ChatEndpoint<Body>): Promise<GatewayResponse> {
  const scope = new RequestScope(endpoint.name);
  const { startedAt, started, outcome, record } = scope;
  const db = getDb();

  try {
    const key = await scope.identify(db, request.headers);
    const requestId = scope.requestId;
    requireScope(key);
    const parsed = endpoint.schema.safeParse(await readJsonBody(request));
    if (!parsed.success) throw badRequest(describeValidationError(parsed.error).message);
    const input = endpoint.format.toCanonical(parsed.data);
    outcome.requestedModel = input.model;
    outcome.stream = input.request.stream;

    const config = await tenantConfig(db, key.tenantId);
    const selection = resolveModel(input.model, key, config, startedAt);
    requireStructuredOutput(selection, input.request);
    const unhealthy = await getCircuitBreakers().unhealthy(key.tenantId, selection.kind === "direct" ? [selection.model] : config.catalog);
    const routeRequest = routeRequestOf(input, request.headers);
    const decision = route({ request: routeRequest, catalog: config.catalog, policy: selection.policy, unhealthy, now: startedAt, learning: config.learning });
    outcome.decision = decision;
    if (selection.kind !== "direct") outcome.replay = replayFieldsOf(decision, routeRequest);
    // Read from the router's scratch buffers before anything else featurises a prompt.
    if (selection.kind !== "direct") outcome.features = routedRequestFeatures(decision.learning?.staticDifficulty ?? decision.difficulty);
    outcome.policyId = selection.policy.id;
    outcome.baseline = config.catalog.find((m) => m.id === selection.policy.baselineModelId) ?? null;
    outcome.explanation = explanationOf(decision, selection);
    const bodyCap = config.storeBodiesMaxBytesByPolicy?.get(selection.policy.id) ?? null;
    if (bodyCap !== null) outcome.bodies = startBodyCapture(bodyCap, input.view.system, input.view.messages);
    const plan = planOf(selection, decision);

    const abort = new AbortScope();
    request.onDisconnect(() => abort.abort(new Error("client disconnected")));
    // Hashing (cache key) and the provider call each read the whole request.
    const large = decision.estimate.inputTokens >= LARGE_REQUEST_TOKENS;
    await yieldIfLarge(large);
    const cacheStep = cacheStepOf(request.headers, config, selection, input.request);
    const hit = await lookupCached(cacheStep, config);
    let success: AttemptSuccess<ChatResponse | AsyncIterable<StreamEvent>>;
    if (hit) {
      const { response } = hit.cached;
      success = { result: input.request.stream ? replayAsStream(response) : response, model: hit.model, simulated: false, attempts: [] };
      outcome.cacheHit = true;
    } else {
      scope.ticket = await admitRequest(key, plan, decision);
      await yieldIfLarge(large);
      success = await runAttempts(plan, input.request, config, abort);
    }
    outcome.attempts = success.attempts;
    outcome.served = success.model;
    outcome.simulated = success.simulated;
    // A sampled routed answer is also judged against a challenger's, later and off this path.
    const evaluation = hit || selection.kind === "direct" ? null : sampleEvaluation({ tenantId: key.tenantId, requestId, config, policy: selection.policy, decision, request: input.request, served: success.model, now: startedAt });

    const headers = gatewayHeaders({ requestId, model: success.model, decision, attempts: success.attempts, simulated: success.simulated, replaced: selection.kind === "direct" ? selection.replaced : [] });
    // The same pricing as the usage record's, so the body's usage.cost and the log agree.
    const costOf = (usage: Usage) => (hit ? 0 : priceUsage(success.model, usage));
    const meta = { id: requestId, model: success.model.id, created: Math.floor(startedAt.getTime() / 1000), costOf };
    headers[CACHE_HEADER] = hit ? "hit" : cacheStep.directive.missLabel;
    if (hit) headers[COST_HEADER] = formatCost(0);
    else if (input.request.stream) headers[ESTIMATED_COST_HEADER] = estimatedCost(success.model, decision);

    if (input.request.stream) {
      const includeUsage = (parsed.data as { stream_options?: { include_usage?: boolean } }).stream_options?.include_usage === true;
      const upstream = success.result as AsyncIterable<StreamEvent>;
      const events = evaluation?.tap(upstream) ?? upstream;
      return streamResponse(hit ? events : storeStream(cacheStep, events, success.model), endpoint.format.createStreamEncoder({ ...meta, includeUsage }), {
        request: input.request, headers, startedAt: started, abort,
        onDone: (s) => {
          outcome.usage = s.usage;
          outcome.ttftMs = s.ttftMs;
          outcome.answer = s.answer;
          outcome.answerText = s.output;
          record(s.status, s.errorClass);
        },
      });
    }
    const response = success.result as ChatResponse;
    outcome.usage = usageOf(input.request, response);
    outcome.ttftMs = Math.round(performance.now() - started);
    outcome.answer = seenAnswerOf(response);
    outcome.answerText = response.content;
    const answer = { ...response, usage: outcome.usage };
    if (!hit) storeResponse(cacheStep, answer, success.model);
    headers[COST_HEADER] = formatCost(record(200, null)?.costUsd ?? null);
    evaluation?.offer(answerOf(response));
    return jsonResponse(endpoint.format.fromCanonical(answer, meta), { headers });
  } catch (error) {
    return answerFailure(error, request, endpoint.format, scope);
  }
}

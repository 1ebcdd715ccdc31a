// POST /v1/route: the routing decision and its explanation for a request body, without
// calling any model. Accepts an OpenAI Chat Completions body, an Anthropic Messages body, an
// OpenAI Responses body, or `{ "prompt": "...", "model"?: "auto" }`.
import { z } from "zod";
import { getDb } from "../db/client";
import { route } from "../routing";
import type { DecisionLearning, RouteRequest } from "../routing/types";
import { authenticateKey } from "./authenticate-key";
import { tenantConfig } from "./config-cache";
import { anthropicEndpoint, callerFormatOf, openAIEndpoint, responsesEndpoint } from "./endpoints";
import { describeValidationError } from "./formats/describe-validation-error";
import { badRequest } from "./gateway-error";
import { answerInFormat } from "./gateway-response";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "./gateway-request";
import { CATEGORY_HEADER, type ChatEndpoint } from "./handle-chat-request";
import { readJsonBody } from "./read-json-body";
import { needsStructuredOutput } from "./require-structured-output";
import { resolveModel } from "./resolve-model";

const promptBody = z.object({ prompt: z.string().min(1), system: z.string().optional(), model: z.string().default("auto") });

type ParsedBody = { model: string; request: Omit<RouteRequest, "forcedCategory"> };

function parseWith<Body>(endpoint: ChatEndpoint<Body>, body: unknown): ParsedBody | null {
  const parsed = endpoint.schema.safeParse(body);
  if (!parsed.success) return null;
  const input = endpoint.format.toCanonical(parsed.data);
  // A body asking for JSON following a schema is routed as the gateway would route it: without the models that cannot follow one.
  const request = { ...input.view, maxOutputTokens: input.request.maxTokens, metadata: input.request.metadata, needsStructuredOutput: needsStructuredOutput(input.request) || undefined };
  return { model: input.model, request };
}

function parseBody(body: unknown): ParsedBody {
  const plain = promptBody.safeParse(body);
  if (plain.success) return { model: plain.data.model, request: { messages: [{ role: "user", content: plain.data.prompt }], system: plain.data.system } };
  const parsed = parseWith(openAIEndpoint, body) ?? parseWith(anthropicEndpoint, body) ?? parseWith(responsesEndpoint, body);
  if (parsed) return parsed;
  const openAIError = openAIEndpoint.schema.safeParse(body).error;
  throw badRequest(`Send { "prompt": "..." }, an OpenAI chat body, an Anthropic messages body or an OpenAI Responses body. ${openAIError ? describeValidationError(openAIError).message : ""}`.trim());
}

/** What the tenant's learning changed in the decision, in the API's naming. */
function learningReportOf(decision: DecisionLearning) {
  const l = decision.learning;
  if (!l) return null;
  return {
    static_difficulty: l.staticDifficulty,
    learned_difficulty: l.learnedDifficulty && {
      difficulty: l.learnedDifficulty.difficulty,
      learner: l.learnedDifficulty.learner,
      requests: l.learnedDifficulty.requests,
    },
    // Per model with evidence in the request's category: the figure routing used and on how much evidence.
    profiles: l.profiles.map((u) => ({
      model: u.modelId,
      source: u.source,
      quality: u.quality,
      catalog_quality: u.catalogQuality,
      evidence: Math.round(u.evidence * 100) / 100,
      interval: [Math.round(u.low * 10) / 10, Math.round(u.high * 10) / 10],
    })),
    learned_category: l.learnedCategory && { category: l.learnedCategory.category, similarity: l.learnedCategory.similarity, corrections: l.learnedCategory.corrections },
  };
}

export function handleRoutePreview(request: GatewayRequest): Promise<GatewayResponse> {
  const now = new Date();
  return answerInFormat(callerFormatOf(request.headers), async () => {
    const db = getDb();
    const key = await authenticateKey(db, request.headers, now, "route");
    const { model, request: routeRequest } = parseBody(await readJsonBody(request));
    const config = await tenantConfig(db, key.tenantId);
    const selection = resolveModel(model, key, config, now);
    const forced = request.headers.get(CATEGORY_HEADER)?.trim() || undefined;
    const decision = route({ request: { ...routeRequest, forcedCategory: forced }, catalog: config.catalog, policy: selection.policy, unhealthy: {}, now, learning: config.learning });
    const chosen = selection.kind === "direct" ? selection.model : decision.model;
    return jsonResponse({
      policy: selection.policy.name,
      category: decision.category,
      confidence: decision.confidence,
      category_source: decision.categorySource,
      difficulty: decision.difficulty,
      model: chosen?.id ?? null,
      fallbacks: selection.kind === "direct" ? [] : decision.fallbacks.map((m) => m.id),
      degraded: decision.degraded,
      error: decision.error,
      estimate: decision.estimate,
      candidates: decision.candidates,
      models_not_allowed: decision.modelsNotAllowed,
      summary: decision.summary,
      notes: decision.notes ?? [],
      learning: learningReportOf(decision),
      ...(selection.kind === "direct" ? { direct: true, replaced_deprecated: selection.replaced } : {}),
    });
  });
}

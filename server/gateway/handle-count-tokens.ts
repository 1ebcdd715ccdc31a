// POST /v1/messages/count_tokens: the input tokens a Messages request would use on the model
// it would be routed to. An Anthropic model served with the tenant's credential is asked
// (its own tokenizer, exact); any other model, or when that call fails, gets the local count
// the gateway's usage estimates use (BPE with OpenAI's per-message overheads), an estimate.
// The header x-switchyard-token-count says which. Nothing is generated, so nothing is logged
// or billed.
import { z } from "zod";
import { getDb } from "../db/client";
import { env } from "../env";
import { AbortScope } from "../providers/abort-scope";
import { countAnthropicTokens } from "../providers/anthropic/count-tokens";
import { countRequestTokens } from "../providers/simulated";
import { route } from "../routing";
import { authenticateKey } from "./authenticate-key";
import { tenantConfig } from "./config-cache";
import { anthropicFormat, anthropicMessagesRequestSchema } from "./formats/anthropic";
import { describeValidationError } from "./formats/describe-validation-error";
import { badRequest } from "./gateway-error";
import { answerInFormat } from "./gateway-response";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "./gateway-request";
import { CATEGORY_HEADER, planOf, routeRequestOf } from "./handle-chat-request";
import { readJsonBody } from "./read-json-body";
import { resolveModel } from "./resolve-model";
import { resolveProviderTarget } from "./resolve-provider-target";

// Counting takes no max_tokens (Anthropic's endpoint refuses it); one is accepted and ignored.
const countTokensSchema = anthropicMessagesRequestSchema.extend({ max_tokens: z.number().int().positive().optional() });

export function handleCountTokens(request: GatewayRequest): Promise<GatewayResponse> {
  const now = new Date();
  return answerInFormat(anthropicFormat, async () => {
    const db = getDb();
    const key = await authenticateKey(db, request.headers, now);
    const parsed = countTokensSchema.safeParse(await readJsonBody(request));
    if (!parsed.success) throw badRequest(describeValidationError(parsed.error).message);
    const input = anthropicFormat.toCanonical({ ...parsed.data, max_tokens: parsed.data.max_tokens ?? 1 });
    const config = await tenantConfig(db, key.tenantId);
    const selection = resolveModel(input.model, key, config, now);
    const decision = route({ request: routeRequestOf(input, request.headers), catalog: config.catalog, policy: selection.policy, unhealthy: {}, now });
    // planOf refuses a request no model can serve, so the plan has a first model.
    const model = planOf(selection, decision)[0]!;

    let inputTokens: number | null = null;
    const { adapter, target, simulated } = resolveProviderTarget(model, config, false);
    if (adapter.id === "anthropic" && !simulated) {
      const abort = new AbortScope();
      request.onDisconnect(() => abort.abort(new Error("client disconnected")));
      inputTokens = await countAnthropicTokens(input.request, target, abort, env.SWITCHYARD_UPSTREAM_CONNECT_TIMEOUT_MS).catch((error: unknown) => {
        console.warn(`[gateway] count_tokens for ${model.id} answered locally: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
    }
    const headers = {
      "x-switchyard-model": model.id,
      [CATEGORY_HEADER]: decision.category,
      "x-switchyard-token-count": inputTokens === null ? "estimated" : "provider",
    };
    return jsonResponse({ input_tokens: inputTokens ?? countRequestTokens(input.request) }, { headers });
  });
}

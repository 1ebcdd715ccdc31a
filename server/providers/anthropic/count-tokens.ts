// Anthropic's token counting (POST /v1/messages/count_tokens): the body of a message without
// the generation settings, which that endpoint refuses (max_tokens, temperature, stream…).
import type { AbortLike } from "../abort-scope";
import { createDeadline } from "../deadline";
import { UpstreamError, errorFromResponse } from "../upstream-error";
import { sendUpstreamRequest } from "../upstream-http";
import type { ChatRequest, ProviderTarget, UpstreamRequest } from "../types";
import { anthropicPost, buildAnthropicBody } from "./build-request";

const COUNTED_FIELDS = ["model", "messages", "system", "tools", "tool_choice"] as const;

export function buildAnthropicCountTokensRequest(req: ChatRequest, target: ProviderTarget): UpstreamRequest {
  const json = { ...target, stream: false };
  const message = buildAnthropicBody(req, json);
  const body: Record<string, unknown> = {};
  for (const field of COUNTED_FIELDS) if (message[field] !== undefined) body[field] = message[field];
  return anthropicPost(json, "/v1/messages/count_tokens", body);
}

/** `{ "input_tokens": n }`; anything else is the provider's fault, not the caller's. */
export function parseAnthropicTokenCount(json: unknown): number {
  const count = (json as { input_tokens?: unknown } | null)?.input_tokens;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw new UpstreamError({ status: 502, kind: "server", message: "anthropic: count_tokens answered without input_tokens", provider: "anthropic" });
  }
  return count;
}

/** Asks Anthropic for the count; fails with an UpstreamError (the provider's, or a timeout). */
export async function countAnthropicTokens(req: ChatRequest, target: ProviderTarget, signal: AbortLike, timeoutMs: number): Promise<number> {
  const { url, init } = buildAnthropicCountTokensRequest(req, target);
  const deadline = createDeadline("anthropic", signal, timeoutMs);
  try {
    const response = await sendUpstreamRequest(url, init, deadline.scope);
    const text = await response.text();
    if (!response.ok) throw errorFromResponse("anthropic", response.status, text, response.headers);
    return parseAnthropicTokenCount(JSON.parse(text));
  } catch (error) {
    throw deadline.toFailure(error, "connection");
  } finally {
    deadline.dispose();
  }
}

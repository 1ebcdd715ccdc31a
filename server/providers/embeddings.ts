// The one internal embeddings request every adapter reads, and what it answers.
import { createTokenCounter } from "../routing";
import type { CallOptions, ProviderTarget, UpstreamRequest } from "./types";
import { UpstreamError } from "./upstream-error";

export type EmbeddingRequest = {
  /** One vector per input, in this order. */
  inputs: string[];
  /** Shorter vectors, where the model supports them; absent = the model's own length. */
  dimensions?: number;
  user?: string;
};

export type EmbeddingResult = {
  vectors: number[][];
  /** Input tokens; providers that do not report them (Gemini) are counted by the gateway. */
  inputTokens: number | null;
};

/** How a provider serves embeddings; adapters without one (Anthropic) serve none. */
export type EmbeddingsAdapter = {
  buildRequest(req: EmbeddingRequest, target: ProviderTarget): UpstreamRequest;
  parseResponse(json: unknown, req: EmbeddingRequest): EmbeddingResult;
  /** In-process providers (simulated) answer here instead of over HTTP. */
  invoke?(req: EmbeddingRequest, target: ProviderTarget, options: CallOptions): Promise<EmbeddingResult>;
};

/** A provider answer without one numeric vector per input is the provider's fault, not the caller's. */
export function checkedVectors(provider: string, vectors: unknown[], count: number): number[][] {
  const valid = vectors.length === count && vectors.every((v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" && Number.isFinite(x)));
  if (!valid) throw new UpstreamError({ status: 200, kind: "unknown", message: `${provider}: embeddings response does not hold one vector per input`, provider });
  return vectors as number[][];
}

/** Each input's tokens, in time linear in their total size (exact up to a cap, estimated beyond). */
export function inputTokenCounts(inputs: readonly string[]): number[] {
  const { count } = createTokenCounter();
  return inputs.map((text) => (text === "" ? 0 : count(text)));
}

export const sumOf = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

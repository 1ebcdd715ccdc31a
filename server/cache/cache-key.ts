// The exact-match cache key: sha256 over the tenant, what the caller's `model` selected (a
// policy at a version, or one model) and the canonical request in a normal form (object keys
// sorted, undefined fields dropped). `stream` is left out so that a streamed and a JSON request
// share one entry; everything else that can change the answer is in.
import { createHash } from "node:crypto";
import type { EmbeddingRequest } from "../providers/embeddings";
import type { ChatRequest } from "../providers/types";

/** JSON with object keys in sorted order, so that equal requests serialise equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export interface CacheKeyInput {
  tenantId: string;
  /** e.g. "policy:<id>@<version>" or "model:<id>". */
  selection: string;
  request: ChatRequest | EmbeddingRequest;
}

export function responseCacheKey({ tenantId, selection, request }: CacheKeyInput): string {
  // Serialised without `stream` (canonicalJson drops undefined fields); embeddings have none.
  const rest = "stream" in request ? { ...request, stream: undefined } : request;
  return createHash("sha256").update(canonicalJson({ tenantId, selection, request: rest })).digest("hex");
}

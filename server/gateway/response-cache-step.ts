// The response cache around the provider call: look up before it, store after a complete
// answer (JSON, or a stream that ended cleanly). The cache never fails a request: when its
// store is unreachable the request simply goes upstream.
import { cacheDirective, type CacheDirective } from "../cache/cache-directive";
import { responseCacheKey } from "../cache/cache-key";
import { collectStream } from "../cache/replay-stream";
import type { CachedResponse } from "../cache/response-cache";
import { getResponseCache } from "../cache/response-cache-instance";
import type { ChatRequest, ChatResponse, StreamEvent } from "../providers/types";
import type { CatalogModel } from "../routing/types";
import type { HeaderSource } from "./gateway-request";
import type { TenantConfig } from "./load-tenant-config";
import type { ModelSelection } from "./resolve-model";
import { throttledLog } from "../observability/throttled-log";

export interface CacheStep {
  directive: CacheDirective;
  key: string;
}

export function cacheStepOf(headers: HeaderSource, config: TenantConfig, selection: ModelSelection, request: ChatRequest): CacheStep {
  const directive = cacheDirective(headers, config.cacheTtlSecondsByPolicy.get(selection.policy.id));
  // The key (a hash of the canonical request) is only worth computing when the cache is used.
  if (!directive.lookup && !directive.store) return { directive, key: "" };
  const chosen = selection.kind === "direct" ? `model:${selection.model.id}` : `policy:${selection.policy.id}@${selection.policy.version}`;
  return { directive, key: responseCacheKey({ tenantId: config.tenantId, selection: chosen, request }) };
}

const cacheLog = throttledLog("cache");
/** A cache call failed (its store away): the request is served uncached, and the log says so (at most every few seconds). */
export const warnCacheUnavailable = (error: unknown) => cacheLog("unavailable, serving uncached", error);

/** A hit whose model is still in the catalog (it names the served model in headers and usage). */
export async function lookupCached(step: CacheStep, config: TenantConfig): Promise<{ cached: CachedResponse; model: CatalogModel } | null> {
  if (!step.directive.lookup) return null;
  const cached = await getResponseCache().get(step.key).catch((error) => void warnCacheUnavailable(error));
  const model = cached && config.catalog.find((m) => m.id === cached.modelId);
  return cached && model ? { cached, model } : null;
}

export function storeResponse(step: CacheStep, response: ChatResponse, model: CatalogModel): void {
  if (step.directive.store) void getResponseCache().set(step.key, { response, modelId: model.id }, step.directive.ttlMs).catch(warnCacheUnavailable);
}

/** Passes a stream through and stores it once it completed. */
export function storeStream(step: CacheStep, events: AsyncIterable<StreamEvent>, model: CatalogModel): AsyncIterable<StreamEvent> {
  return step.directive.store ? collectStream(events, (response) => storeResponse(step, response, model)) : events;
}

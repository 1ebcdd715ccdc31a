// Prompt-cache breakpoints as callers send them (`cache_control` on Anthropic blocks, and on
// OpenAI text parts as OpenRouter accepts it), kept canonically for an Anthropic upstream.
import type { CacheControl } from "@/server/providers/types";

export type WireCacheControl = { type: "ephemeral"; ttl?: unknown } | null | undefined;

/** ttl "1h" or "5m" as given; anything else gets the provider's default (5 minutes). */
export function toCacheControl(cache: WireCacheControl): CacheControl | undefined {
  if (!cache) return undefined;
  return cache.ttl === "1h" || cache.ttl === "5m" ? { ttl: cache.ttl } : {};
}

/** The canonical part's `cacheControl` member, to spread into it, when the caller set one. */
export function withCacheControl(cache: WireCacheControl): { cacheControl?: CacheControl } {
  const cacheControl = toCacheControl(cache);
  return cacheControl ? { cacheControl } : {};
}

/** The last breakpoint among a content array's parts. */
export function lastBreakpoint(content: string | ReadonlyArray<{ cache_control?: WireCacheControl }> | null | undefined): WireCacheControl {
  return typeof content === "string" || !content ? undefined : content.findLast((part) => part.cache_control)?.cache_control;
}

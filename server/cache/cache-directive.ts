// Whether this request reads and/or writes the response cache. The policy's TTL turns the
// cache on; the caller can skip the lookup (`x-switchyard-cache: bypass` or
// `cache-control: no-cache`, and the fresh answer then replaces the entry) or keep its answer
// out of the cache altogether (`cache-control: no-store`).
import type { HeaderSource } from "../gateway/gateway-request";

export const CACHE_HEADER = "x-switchyard-cache";

export interface CacheDirective {
  lookup: boolean;
  store: boolean;
  ttlMs: number;
  /** The response header's value when the answer does not come from the cache. */
  missLabel: "miss" | "bypass";
}

export function cacheDirective(headers: HeaderSource, ttlSeconds: number | null | undefined): CacheDirective {
  const ttlMs = Math.max(0, ttlSeconds ?? 0) * 1000;
  if (ttlMs === 0) return { lookup: false, store: false, ttlMs, missLabel: "miss" };
  const control = (headers.get("cache-control") ?? "").toLowerCase().split(",").map((d) => d.trim());
  const noStore = control.includes("no-store");
  const bypass = noStore || control.includes("no-cache") || headers.get(CACHE_HEADER)?.trim().toLowerCase() === "bypass";
  return { lookup: !bypass, store: !noStore, ttlMs, missLabel: bypass ? "bypass" : "miss" };
}

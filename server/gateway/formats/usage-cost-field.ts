import type { Usage } from "@/server/providers/types";
import type { ResponseMeta } from "./types";

/**
 * The real cost of an answer as an extra `cost` field of its usage object, in USD to 8 decimals
 * (null when the catalog lacks a price, never a made-up 0): the field OpenRouter uses, which the
 * SDKs pass through untouched. Absent when the meta cannot price usage.
 */
export function costField(meta: ResponseMeta, usage: Usage): { cost?: number | null } {
  if (!meta.costOf) return {};
  const cost = meta.costOf(usage);
  return { cost: cost === null ? null : Number(cost.toFixed(8)) };
}

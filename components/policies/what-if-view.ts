// What the what-if panel and the version list show, prepared from the server's figures: per
// category the saved and draft expected quality and model mix, and the one-line summaries.
// Unknown stays unknown: a null figure is never drawn as 0.
import type { WhatIfResult } from "@/server/console/policies/what-if-policy";
import type { VersionWhatIf } from "@/server/console/policies/what-if-summary";

type Replayed = WhatIfResult["saved"]["categories"][string];

export interface CategoryRow {
  category: string;
  savedRequests: number;
  draftRequests: number;
  savedQuality: number | null;
  draftQuality: number | null;
  /** Models by share, largest first, e.g. "gemini-3.1-pro 82%, claude-opus-4.6 18%". */
  savedMix: string;
  draftMix: string;
}

const NO_MODEL = "no model";

/** A signed percentage with a real minus sign, e.g. "−12.3%", or "unknown". */
export function formatPct(value: number | null, digits = 1): string {
  if (value === null) return "unknown";
  const rounded = value.toFixed(digits);
  if (Number(rounded) === 0) return `${(0).toFixed(digits)}%`;
  return value < 0 ? `−${rounded.slice(1)}%` : `+${rounded}%`;
}

export function formatMix(replayed: Replayed | undefined): string {
  if (!replayed || replayed.requests === 0) return "—";
  return Object.entries(replayed.models)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([model, n]) => `${model || NO_MODEL} ${Math.round((n / replayed.requests) * 100)}%`)
    .join(", ");
}

export function categoryRows(result: Pick<WhatIfResult, "saved" | "draft">): CategoryRow[] {
  const categories = [...new Set([...Object.keys(result.saved.categories), ...Object.keys(result.draft.categories)])].sort();
  return categories.map((category) => {
    const saved = result.saved.categories[category];
    const draft = result.draft.categories[category];
    return {
      category,
      savedRequests: saved?.requests ?? 0,
      draftRequests: draft?.requests ?? 0,
      savedQuality: saved?.meanQuality ?? null,
      draftQuality: draft?.meanQuality ?? null,
      savedMix: formatMix(saved),
      draftMix: formatMix(draft),
    };
  });
}

/** Share of the replayed requests whose model the draft changes, in percent. */
export function changedShare(changed: number, requests: number): number {
  return requests === 0 ? 0 : (changed / requests) * 100;
}

/**
 * "based on 1,501 of 1,501 requests of the last 7 days". When capped, the replayed requests are
 * the most recent ones and the total comes from the hourly rollups, so it is "about".
 */
export function basedOn(requests: number, totalRequests: number, days: number): string {
  const n = requests.toLocaleString("en-US");
  const m = totalRequests.toLocaleString("en-US");
  return requests < totalRequests
    ? `based on the most recent ${n} of about ${m} requests of the last ${days} days`
    : `based on ${n} of ${m} requests of the last ${days} days`;
}

/** The version list's line, e.g. "−12.0% cost vs previous, 3.1% of requests change model". */
export function versionWhatIfLine(v: VersionWhatIf): string {
  const cost = v.costChangePct === null ? "cost change unknown (unpriced requests)" : `${formatPct(v.costChangePct)} cost vs previous`;
  return `${cost}, ${changedShare(v.changed, v.requests).toFixed(1)}% of requests change model (${basedOn(v.requests, v.totalRequests, v.days)})`;
}

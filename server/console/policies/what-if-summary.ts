// The figures a what-if leads with, and the short form stored with a saved version.
import type { PolicyReplay, WhatIfReplay } from "../../routing/replay-policy";
import type { WhatIfDays } from "../schemas/policies";

/**
 * Relative change from one cost to another, in percent. Null when it cannot be stated: an
 * unpriced request on either side (its cost is unknown, not $0), or nothing to compare with.
 */
export function costChangePct(from: { costUsd: number; unpriced: number }, to: { costUsd: number; unpriced: number }): number | null {
  if (from.unpriced > 0 || to.unpriced > 0 || from.costUsd <= 0) return null;
  return (to.costUsd / from.costUsd - 1) * 100;
}

/** Savings against the policy's baseline model, in percent; null when either side is unknown. */
export function savingsVsBaselinePct(p: PolicyReplay): number | null {
  if (p.baselineCostUsd === null) return null;
  const change = costChangePct({ costUsd: p.baselineCostUsd, unpriced: p.baselineUnpriced }, p);
  return change === null ? null : -change;
}

/** What a saved version keeps of the what-if made when it was saved (shown in the version list); a type, so that it is JSON to Prisma. */
export type VersionWhatIf = {
  days: WhatIfDays;
  requests: number;
  totalRequests: number;
  changed: number;
  /** The new version's cost against the one before it on the same requests; null when unknown. */
  costChangePct: number | null;
};

export function versionWhatIf(days: WhatIfDays, replay: WhatIfReplay, totalRequests: number): VersionWhatIf | null {
  if (replay.requests === 0) return null;
  const pct = costChangePct(replay.saved, replay.draft);
  // Hundredths of a percent are all the version list shows, and they survive the JSON column exactly.
  return { days, requests: replay.requests, totalRequests, changed: replay.changed, costChangePct: pct === null ? null : Math.round(pct * 100) / 100 };
}

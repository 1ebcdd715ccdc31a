// What routing has learned about each model on this tenant's traffic, for the Models page: per
// category the capability profile (catalog figure as prior, moved by feedback and evaluations)
// with its credible interval, evidence and whether routing uses it instead of the catalog figure;
// and per model the rates of implicit signals (empty, refusal, truncated, fallback, error) among
// the answers it served. Computed with the same functions and options routing uses.
import { capabilityProfile, DEFAULT_PROFILE_OPTIONS, type ProfileOptions } from "../../routing/learning/capability-profile";
import { loadTenantLearning } from "../../learning/load-learning";
import { SIGNAL_NAMES, type SignalName } from "../../learning/learning-state";
import type { TenantActor } from "../actor";
import { effectiveRows } from "./catalog-entry";

export interface CategoryProfile {
  category: string;
  /** The catalog's figure (the profile's prior); null when the catalog has none for the category. */
  catalogQuality: number | null;
  quality: number;
  low: number;
  high: number;
  evidence: number;
  /** Routing uses the profile's quality instead of the catalog figure. */
  usedByRouting: boolean;
}

export interface ModelSignals {
  /** Answers counted with their signals. */
  served: number;
  /** Share of those answers that carried each signal. */
  rates: Record<SignalName, number>;
}

export interface ModelProfiles {
  slug: string;
  profiles: CategoryProfile[];
  signals: ModelSignals | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function listModelProfiles(actor: TenantActor, options: ProfileOptions = DEFAULT_PROFILE_OPTIONS): Promise<ModelProfiles[]> {
  const [rows, state] = await Promise.all([actor.db.model.findMany(), loadTenantLearning(actor.rootDb, actor.tenantId)]);
  const out: ModelProfiles[] = [];
  // Only models still in the catalog: a profile of a removed model could never apply.
  for (const { row } of effectiveRows(rows)) {
    const quality = (row.quality ?? {}) as Record<string, number | null | undefined>;
    const profiles: CategoryProfile[] = [];
    for (const [category, models] of Object.entries(state.profiles)) {
      const evidence = models[row.slug];
      if (!evidence) continue;
      const catalogQuality = typeof quality[category] === "number" ? quality[category] : null;
      const p = capabilityProfile(evidence, catalogQuality, options);
      profiles.push({ category, catalogQuality, quality: round1(p.quality), low: round1(p.low), high: round1(p.high), evidence: round1(p.evidence), usedByRouting: p.usable });
    }
    profiles.sort((a, b) => a.category.localeCompare(b.category));

    let served = 0;
    const counts = Object.fromEntries(SIGNAL_NAMES.map((s) => [s, 0])) as Record<SignalName, number>;
    for (const models of Object.values(state.signals)) {
      const c = models[row.slug];
      if (!c) continue;
      served += c.served;
      for (const s of SIGNAL_NAMES) counts[s] += c[s];
    }
    // Rates over the answers counted with their signals, the one denominator that covers the same
    // answers as the counts (the rollups' request counts cover another period).
    const signals = served > 0 ? { served, rates: Object.fromEntries(SIGNAL_NAMES.map((s) => [s, Math.min(1, counts[s] / served)])) as Record<SignalName, number> } : null;
    if (profiles.length > 0 || signals) out.push({ slug: row.slug, profiles, signals });
  }
  return out;
}

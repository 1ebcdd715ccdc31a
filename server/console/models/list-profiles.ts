// What routing has learned about each model on this tenant's traffic, for the Models page: per
// category the capability profile (catalog figure as prior, moved by feedback and evaluations)
// with its credible interval, evidence and whether routing uses it instead of the catalog figure;
// and per model the rates of implicit signals (error, fallback, empty, refusal, truncated) among
// the requests it served in the last SIGNAL_WINDOW_DAYS days, from the daily usage rollups, whose
// request counts and signal counts cover the same requests. Profiles are computed with the same
// functions and options routing uses.
import { capabilityProfile, DEFAULT_PROFILE_OPTIONS, type ProfileOptions } from "../../routing/learning/capability-profile";
import { loadTenantLearning } from "../../learning/load-learning";
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

/** Rollup columns counted per request, each shown as a share of the requests served. */
export const SIGNAL_COLUMNS = ["errors", "fallbacks", "emptyAnswers", "refusals", "truncations"] as const;
export type SignalColumn = (typeof SIGNAL_COLUMNS)[number];

/** Today (UTC) and the days before it: a daily rollup row is either wholly in the window or not. */
export const SIGNAL_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SignalRates {
  /** Requests the model served in the window: the denominator of every rate. */
  requests: number;
  /** Share of those requests answered with an error status, after a fallback, empty, with a refusal, cut off. */
  rates: Record<SignalColumn, number>;
}

export interface ModelSignals extends SignalRates {
  /** The window's length (SIGNAL_WINDOW_DAYS), for the page to say what the rates cover. */
  days: number;
  byCategory: ({ category: string } & SignalRates)[];
}

export interface ModelProfiles {
  slug: string;
  profiles: CategoryProfile[];
  signals: ModelSignals | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

type Counts = { requests: number } & Record<SignalColumn, number>;

function ratesOf(c: Counts): SignalRates {
  return { requests: c.requests, rates: Object.fromEntries(SIGNAL_COLUMNS.map((k) => [k, c.requests > 0 ? Math.min(1, c[k] / c.requests) : 0])) as Record<SignalColumn, number> };
}

/** Per model (then category), the window's request and signal counts; one grouped read of at most ~30 rows per pair. */
async function signalCountsByModel(actor: TenantActor, now: Date): Promise<Map<string, Map<string, Counts>>> {
  const since = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (SIGNAL_WINDOW_DAYS - 1) * DAY_MS);
  const groups = await actor.db.usageRollupDaily.groupBy({
    by: ["model", "category"],
    // '' is "no model served": a request that failed on every model has nothing to attribute its error to.
    where: { day: { gte: since }, model: { not: "" } },
    _sum: { requests: true, errors: true, fallbacks: true, emptyAnswers: true, refusals: true, truncations: true },
  });
  const out = new Map<string, Map<string, Counts>>();
  for (const g of groups) {
    const counts = { requests: g._sum.requests ?? 0 } as Counts;
    for (const k of SIGNAL_COLUMNS) counts[k] = g._sum[k] ?? 0;
    if (counts.requests === 0) continue;
    let byCategory = out.get(g.model);
    if (!byCategory) out.set(g.model, (byCategory = new Map()));
    byCategory.set(g.category, counts);
  }
  return out;
}

function signalsOf(byCategory: Map<string, Counts> | undefined): ModelSignals | null {
  if (!byCategory) return null;
  const total = { requests: 0 } as Counts;
  for (const k of SIGNAL_COLUMNS) total[k] = 0;
  for (const c of byCategory.values()) {
    total.requests += c.requests;
    for (const k of SIGNAL_COLUMNS) total[k] += c[k];
  }
  const categories = [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  // A request routed without a category is rolled up under '': it counts in the model's total only.
  const byCat = categories.filter(([category]) => category !== "").map(([category, c]) => ({ category, ...ratesOf(c) }));
  return { days: SIGNAL_WINDOW_DAYS, ...ratesOf(total), byCategory: byCat };
}

export async function listModelProfiles(actor: TenantActor, options: ProfileOptions = DEFAULT_PROFILE_OPTIONS, now: Date = new Date()): Promise<ModelProfiles[]> {
  const [rows, state, signalCounts] = await Promise.all([
    actor.db.model.findMany(),
    loadTenantLearning(actor.rootDb, actor.tenantId),
    signalCountsByModel(actor, now),
  ]);
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

    const signals = signalsOf(signalCounts.get(row.slug));
    if (profiles.length > 0 || signals) out.push({ slug: row.slug, profiles, signals });
  }
  return out;
}

/**
 * Capability profiles: per model and category, how good a model is on this tenant's traffic.
 *
 * A profile is a Beta distribution over the model's success rate. Its prior is the catalog's
 * benchmark figure (quality / 100) worth `priorStrength` pseudo-outcomes; evidence adds to it:
 * binary or graded outcomes (a score in [0, 1]) and pairwise judgements. Only the evidence is stored
 * (successes and failures, weighted sums), never the prior, so an edited catalog figure or a new
 * prior strength applies at once and the stored state stays plain JSON.
 *
 * Deterministic, no I/O: the update functions return new books and leave their inputs alone.
 */
import { betaQuantile } from "./beta-quantile";
import type { CatalogModel } from "../types";

/** The evidence of one model in one category. */
export interface ProfileEvidence {
  /** Weighted sum of outcome scores. */
  successes: number;
  /** Weighted sum of (1 − score). */
  failures: number;
}

/** A tenant's evidence: category → model id → evidence. Plain JSON. */
export type ProfileBook = Record<string, Record<string, ProfileEvidence>>;

export interface ProfileOptions {
  /** Pseudo-outcomes the catalog figure is worth (a prior with no figure is uniform, worth 2). */
  priorStrength: number;
  /** Probability mass of the credible interval. */
  credibility: number;
  /** Widest credible interval, in quality points (0–100), at which a profile replaces the catalog figure. */
  maxIntervalWidth: number;
  /** Fewest outcomes (weighted) before a profile may replace the catalog figure. */
  minEvidence: number;
  /** Weight of one pairwise judgement relative to one direct outcome (judgements are noisier). */
  pairwiseWeight: number;
  /**
   * Factor applied to the stored evidence before each new outcome (1 = never forget). Below 1 a
   * profile follows a model that changes: 0.999 halves old evidence after about 700 outcomes.
   */
  decay: number;
}

export const DEFAULT_PROFILE_OPTIONS: ProfileOptions = {
  priorStrength: 10,
  credibility: 0.9,
  maxIntervalWidth: 12,
  minEvidence: 30,
  pairwiseWeight: 0.5,
  decay: 1,
};

export interface CapabilityProfile {
  /** Posterior mean, quality points (0–100). */
  quality: number;
  /** Credible interval, quality points. */
  low: number;
  high: number;
  /** Outcomes seen (weighted). */
  evidence: number;
  /** The catalog figure the prior came from, or null when the catalog does not know it. */
  priorQuality: number | null;
  /** Narrow enough, on enough evidence, to be used instead of the catalog figure. */
  usable: boolean;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

function priorOf(catalogQuality: number | null, opt: ProfileOptions): [number, number] {
  if (catalogQuality === null) return [1, 1];
  // Keep the prior mean strictly inside (0, 1): a figure of 0 or 100 must still be movable.
  const m = Math.min(0.99, Math.max(0.01, catalogQuality / 100));
  return [m * opt.priorStrength, (1 - m) * opt.priorStrength];
}

/** The profile of one model in one category: the catalog figure as prior, moved by the evidence. */
export function capabilityProfile(
  evidence: ProfileEvidence | undefined,
  catalogQuality: number | null,
  opt: ProfileOptions = DEFAULT_PROFILE_OPTIONS,
): CapabilityProfile {
  const [a0, b0] = priorOf(catalogQuality, opt);
  const s = evidence?.successes ?? 0;
  const f = evidence?.failures ?? 0;
  const a = Math.max(1e-3, a0 + s);
  const b = Math.max(1e-3, b0 + f);
  const tail = (1 - opt.credibility) / 2;
  const low = betaQuantile(tail, a, b) * 100;
  const high = betaQuantile(1 - tail, a, b) * 100;
  const n = s + f;
  return {
    quality: (a / (a + b)) * 100,
    low,
    high,
    evidence: n,
    priorQuality: catalogQuality,
    usable: n >= opt.minEvidence && high - low <= opt.maxIntervalWidth,
  };
}

function withEvidence(book: ProfileBook, category: string, modelId: string, e: ProfileEvidence): ProfileBook {
  return { ...book, [category]: { ...book[category], [modelId]: e } };
}

export interface Outcome {
  modelId: string;
  category: string;
  /** 1 = served well, 0 = failed; graded scores in between (e.g. a judge's rubric score / max). */
  score: number;
  /** Weight of this outcome (1 by default). */
  weight?: number;
}

/**
 * Add `w` outcomes of score `y` to the evidence. `y` may lie outside [0, 1] (a pairwise reading,
 * below): the counts move by w·y and w·(1 − y) and are kept non-negative.
 */
function addEvidence(book: ProfileBook, category: string, modelId: string, y: number, w: number, decay: number): ProfileBook {
  const old = book[category]?.[modelId];
  return withEvidence(book, category, modelId, {
    successes: Math.max(0, (old?.successes ?? 0) * decay + w * y),
    failures: Math.max(0, (old?.failures ?? 0) * decay + w * (1 - y)),
  });
}

/** Add one outcome to a book. */
export function recordOutcome(book: ProfileBook, o: Outcome, opt: ProfileOptions = DEFAULT_PROFILE_OPTIONS): ProfileBook {
  const w = o.weight ?? 1;
  if (!(w > 0) || !Number.isFinite(o.score)) return book;
  return addEvidence(book, o.category, o.modelId, clamp01(o.score), w, opt.decay);
}

export interface PairwiseOutcome {
  category: string;
  a: string;
  b: string;
  /** 1 = a's answer was better, 0 = b's, 0.5 = a tie (position-swapped judgements averaged). */
  aWins: number;
  /** Catalog figures of a and b (the priors of their profiles). */
  catalogQualityA: number | null;
  catalogQualityB: number | null;
}

/**
 * Add one pairwise judgement. If each answer is acceptable with its model's success rate and a tie
 * means both or neither were, P(a wins) = 0.5 + (qa − qb) / 2; so qb + 2(win − 0.5) is an unbiased
 * reading of qa (and symmetrically for b), taken against the other model's current estimate and
 * recorded with weight `pairwiseWeight`. The reading is not clipped to [0, 1]: clipping would pull
 * both models toward each other (a clear winner's reading is often above 1).
 */
export function recordPairwise(book: ProfileBook, p: PairwiseOutcome, opt: ProfileOptions = DEFAULT_PROFILE_OPTIONS): ProfileBook {
  if (!Number.isFinite(p.aWins) || p.a === p.b) return book;
  const win = clamp01(p.aWins);
  const qa = capabilityProfile(book[p.category]?.[p.a], p.catalogQualityA, opt).quality / 100;
  const qb = capabilityProfile(book[p.category]?.[p.b], p.catalogQualityB, opt).quality / 100;
  const w = opt.pairwiseWeight;
  const next = addEvidence(book, p.category, p.a, qb + 2 * (win - 0.5), w, opt.decay);
  return addEvidence(next, p.category, p.b, qa - 2 * (win - 0.5), w, opt.decay);
}

/** Which figure routing used for a model, and on how much evidence. */
export interface ProfileUse {
  modelId: string;
  source: "profile" | "catalog";
  quality: number | null;
  catalogQuality: number | null;
  evidence: number;
  low: number;
  high: number;
}

// Evidence objects are never changed (updates make new ones), so a profile computed for one stays
// valid for the same prior and options: the interval's quantiles are then not recomputed per request.
const profileCache = new WeakMap<ProfileEvidence, { catalogQuality: number | null; opt: ProfileOptions; profile: CapabilityProfile }>();

function cachedProfile(e: ProfileEvidence, catalogQuality: number | null, opt: ProfileOptions): CapabilityProfile {
  const hit = profileCache.get(e);
  if (hit && hit.catalogQuality === catalogQuality && hit.opt === opt) return hit.profile;
  const profile = capabilityProfile(e, catalogQuality, opt);
  profileCache.set(e, { catalogQuality, opt, profile });
  return profile;
}

/** What applying a book's profiles to a catalog gave for one category. Shared between decisions: read only. */
export interface AppliedProfiles {
  readonly catalog: readonly CatalogModel[];
  readonly uses: readonly ProfileUse[];
  /** One explanation note per model whose profile replaced its catalog figure. */
  readonly notes: readonly string[];
}

// A book is never changed (recording makes a new one) and a tenant's book only changes when the
// learning job folds evidence: every decision in between applies the same book to the same catalog,
// so the result is kept per book, category, catalog and options. Building it per decision (a model
// copy and a note per profiled model) was most of what learning allocated on the request's path.
const appliedCache = new WeakMap<ProfileBook, Map<string, { catalog: readonly CatalogModel[]; opt: ProfileOptions; applied: AppliedProfiles }>>();

/**
 * The catalog as routing should see it for one category: each model whose profile is usable gets
 * the profile's quality (rounded to 0.1) instead of the catalog figure. Models without evidence are
 * returned unchanged (the same objects), so a tenant without evidence routes exactly as before.
 */
export function applyProfiles(
  catalog: readonly CatalogModel[],
  category: string,
  book: ProfileBook,
  opt: ProfileOptions = DEFAULT_PROFILE_OPTIONS,
): AppliedProfiles {
  let byCategory = appliedCache.get(book);
  const hit = byCategory?.get(category);
  if (hit && hit.catalog === catalog && hit.opt === opt) return hit.applied;
  const applied = computeApplied(catalog, category, book, opt);
  if (!byCategory) appliedCache.set(book, (byCategory = new Map()));
  byCategory.set(category, { catalog, opt, applied });
  return applied;
}

function computeApplied(catalog: readonly CatalogModel[], category: string, book: ProfileBook, opt: ProfileOptions): AppliedProfiles {
  const evidence = book[category];
  const uses: ProfileUse[] = [];
  const out = catalog.map((m) => {
    const e = evidence?.[m.id];
    if (!e) return m;
    const catalogQuality = m.quality[category] ?? null;
    const p = cachedProfile(e, catalogQuality, opt);
    const quality = p.usable ? Math.round(p.quality * 10) / 10 : catalogQuality;
    uses.push({ modelId: m.id, source: p.usable ? "profile" : "catalog", quality, catalogQuality, evidence: p.evidence, low: p.low, high: p.high });
    return p.usable ? { ...m, quality: { ...m.quality, [category]: quality } } : m;
  });
  const notes = uses
    .filter((u) => u.source === "profile")
    .map((u) => `${u.modelId}: quality ${u.quality?.toFixed(1)} from its profile on ${Math.round(u.evidence)} outcomes (catalog ${u.catalogQuality ?? "unknown"})`);
  return { catalog: out, uses, notes };
}

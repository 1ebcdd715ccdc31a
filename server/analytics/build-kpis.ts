// The dashboard's key figures for a period and their change against the previous period.
import { percentileFromHistogram } from "../usage/latency-buckets";
import { pointChange, ratio, relativeChange } from "./compare-periods";
import type { PeriodSums, PeriodSumsPair } from "./query-period-sums";

export const KPI_KEYS = [
  "spendUsd", "savingsUsd", "savingsPct", "requests", "latencyP50Ms", "latencyP95Ms",
  "ttftP50Ms", "cacheHitRate", "fallbackRate", "errorRate",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export interface Kpi {
  value: number | null;
  previous: number | null;
  /** A fraction for amounts ("relative"), a difference of fractions for rates ("points"). */
  change: number | null;
  changeKind: "relative" | "points";
}

export type Kpis = Record<KpiKey, Kpi> & { unpricedRequests: number };

const POINT_KPIS = new Set<KpiKey>(["savingsPct", "cacheHitRate", "fallbackRate", "errorRate"]);

/** Figures of one period. Money and counts of an empty period are 0; rates and latencies are unknown. */
export function periodFigures(sums: PeriodSums | null): Record<KpiKey, number | null> {
  if (!sums) {
    return {
      spendUsd: 0, savingsUsd: 0, savingsPct: null, requests: 0, latencyP50Ms: null, latencyP95Ms: null,
      ttftP50Ms: null, cacheHitRate: null, fallbackRate: null, errorRate: null,
    };
  }
  const savingsUsd = sums.baselineCostUsd - sums.costUsd;
  return {
    spendUsd: sums.costUsd,
    savingsUsd,
    savingsPct: ratio(savingsUsd, sums.baselineCostUsd),
    requests: sums.requests,
    latencyP50Ms: percentileFromHistogram(sums.latencyHistogram, 0.5),
    latencyP95Ms: percentileFromHistogram(sums.latencyHistogram, 0.95),
    ttftP50Ms: percentileFromHistogram(sums.ttftHistogram, 0.5),
    cacheHitRate: ratio(sums.cacheHits, sums.requests),
    fallbackRate: ratio(sums.fallbacks, sums.requests),
    errorRate: ratio(sums.errors, sums.requests),
  };
}

export function buildKpis(pair: PeriodSumsPair): Kpis {
  const current = periodFigures(pair.current);
  const previous = periodFigures(pair.previous);
  const entries = KPI_KEYS.map((key): [KpiKey, Kpi] => {
    const points = POINT_KPIS.has(key);
    return [key, {
      value: current[key],
      previous: previous[key],
      change: points ? pointChange(current[key], previous[key]) : relativeChange(current[key], previous[key]),
      changeKind: points ? "points" : "relative",
    }];
  });
  return { ...(Object.fromEntries(entries) as Record<KpiKey, Kpi>), unpricedRequests: pair.current?.unpriced ?? 0 };
}

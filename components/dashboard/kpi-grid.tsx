// The key figures of the range, each with its change against the previous period.
import type { Kpi, KpiKey, Kpis } from "@/server/analytics/build-kpis";
import { KpiCard } from "@/components/kpi-card";
import { formatNumber, formatUsd } from "@/components/ui/format";
import { formatMs, formatShare } from "./chart-format";

type Better = "lower" | "higher" | "neither";

const CARDS: { key: KpiKey; label: string; format: (v: number | null) => string; better: Better; hint?: string }[] = [
  { key: "requests", label: "Requests", format: (v) => formatNumber(v, "no data"), better: "neither" },
  { key: "spendUsd", label: "Spend", format: (v) => formatUsd(v, "no data"), better: "lower" },
  { key: "savingsUsd", label: "Savings", format: (v) => formatUsd(v, "no data"), better: "higher", hint: "Against every request on the policy's baseline model" },
  { key: "savingsPct", label: "Savings rate", format: formatShare, better: "higher" },
  { key: "latencyP50Ms", label: "Latency p50", format: formatMs, better: "lower" },
  { key: "latencyP95Ms", label: "Latency p95", format: formatMs, better: "lower" },
  { key: "ttftP50Ms", label: "Time to first token p50", format: formatMs, better: "lower" },
  { key: "cacheHitRate", label: "Cache hit rate", format: formatShare, better: "higher" },
  { key: "fallbackRate", label: "Fallback rate", format: formatShare, better: "lower" },
  { key: "errorRate", label: "Error rate", format: formatShare, better: "lower" },
];

function ChangeText({ kpi, better }: { kpi: Kpi; better: Better }) {
  if (kpi.change === null) return <span className="text-slate-500">no previous data to compare</span>;
  const up = kpi.change > 0;
  const sign = up ? "+" : "";
  // From a tiny previous period the exact percentage says nothing; past 10x it is capped.
  const text = kpi.changeKind === "points"
    ? `${sign}${(kpi.change * 100).toFixed(1)} pp`
    : Math.abs(kpi.change) > 10 ? "over 999 %" : `${sign}${(kpi.change * 100).toFixed(1)} %`;
  const good = better === "neither" || kpi.change === 0 ? null : (better === "higher") === up;
  const tone = good === null ? "text-slate-500" : good ? "text-green-700" : "text-red-700";
  return <span className={tone}>{up ? "▲ " : kpi.change < 0 ? "▼ " : ""}{text} vs previous period</span>;
}

export function KpiGrid({ kpis }: { kpis: Kpis }) {
  return (
    <section className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Key figures">
      {CARDS.map((card) => (
        <KpiCard key={card.key} label={card.label} value={card.format(kpis[card.key].value)}
          hint={card.key === "spendUsd" && kpis.unpricedRequests > 0 ? `Plus ${kpis.unpricedRequests.toLocaleString("en-US")} unpriced requests (no catalog price)` : card.hint}
          change={<ChangeText kpi={kpis[card.key]} better={card.better} />} />
      ))}
    </section>
  );
}

export function kpisCsvRows(kpis: Kpis): (string | number | null)[][] {
  return CARDS.map((c) => [c.label, kpis[c.key].value, kpis[c.key].previous, kpis[c.key].change, kpis[c.key].changeKind]);
}

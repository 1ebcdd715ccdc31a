// Each chart's numbers as a table whose cells link to the same request logs that a click on the
// chart opens: the keyboard and screen-reader way to read a chart and drill into it.
import type { CostVsBaselinePoint, LatencyPoint, SpendPoint } from "@/server/analytics/build-time-series";
import type { CategoryMix } from "@/server/analytics/build-category-mix";
import type { OwnerSpend } from "@/server/analytics/build-owner-spend";
import type { DashboardDimensions } from "@/server/analytics/dashboard-filters";
import { formatNumber, formatUsd } from "@/components/ui/format";
import { dimensionLabel, formatMs, formatShare } from "./chart-format";

export interface TableCell {
  text: string;
  /** The logs behind this number; absent for cells that stand for no requests of their own. */
  href?: string;
}

export interface ChartTable {
  columns: string[];
  rows: TableCell[][];
}

export interface DrillHrefs {
  /** The logs of one time bucket, optionally of one model. */
  bucket: (t: number, model?: string) => string;
  /** The logs of the whole range, narrowed to a chart element's dimensions. */
  window: (narrow: Partial<DashboardDimensions>) => string;
  bucketLabel: (t: number) => string;
}

const usd = (value: number | null | undefined) => formatUsd(value ?? null, "no data");

export function spendTable(points: SpendPoint[], models: string[], hrefs: DrillHrefs): ChartTable {
  return {
    columns: ["Time (UTC)", ...models],
    rows: points.map((p) => [
      { text: hrefs.bucketLabel(p.t), href: hrefs.bucket(p.t) },
      ...models.map((m) => ({ text: usd(p.byModel[m]), href: hrefs.bucket(p.t, m) })),
    ]),
  };
}

export function costVsBaselineTable(points: CostVsBaselinePoint[], hrefs: DrillHrefs): ChartTable {
  return {
    columns: ["Time (UTC)", "Actual (routed)", "Baseline model"],
    rows: points.map((p) => [{ text: hrefs.bucketLabel(p.t), href: hrefs.bucket(p.t) }, { text: usd(p.costUsd) }, { text: usd(p.baselineCostUsd) }]),
  };
}

export function latencyTable(points: LatencyPoint[], models: string[], hrefs: DrillHrefs): ChartTable {
  return {
    columns: ["Time (UTC)", ...models.map((m) => `${m} p50 / p95`)],
    rows: points.map((p) => [
      { text: hrefs.bucketLabel(p.t), href: hrefs.bucket(p.t) },
      ...models.map((m) => ({ text: `${formatMs(p.p50[m] ?? null)} / ${formatMs(p.p95[m] ?? null)}`, href: hrefs.bucket(p.t, m) })),
    ]),
  };
}

const categoryName = (c: CategoryMix) => dimensionLabel(c.category, "uncategorised");

export function modelMixTable(categories: CategoryMix[], models: string[], hrefs: DrillHrefs): ChartTable {
  return {
    columns: ["Category", ...models.map((m) => `${dimensionLabel(m, "no model")} (requests / spend)`)],
    rows: categories.map((c) => [
      { text: categoryName(c), href: hrefs.window({ category: c.category }) },
      ...models.map((m) => {
        const share = c.models.find((x) => x.model === m);
        return { text: `${formatShare(share?.requestShare ?? null)} / ${formatShare(share?.spendShare ?? null)}`, href: hrefs.window({ category: c.category, model: m }) };
      }),
    ]),
  };
}

export function categoryTotalsTable(categories: CategoryMix[], hrefs: DrillHrefs): ChartTable {
  return {
    columns: ["Category", "Requests", "Spend"],
    rows: categories.map((c) => [{ text: categoryName(c), href: hrefs.window({ category: c.category }) }, { text: formatNumber(c.requests) }, { text: usd(c.costUsd) }]),
  };
}

export function topSpendersTable(teams: OwnerSpend[], keys: OwnerSpend[], hrefs: DrillHrefs): ChartTable {
  const row = (o: OwnerSpend): TableCell[] => [
    { text: o.kind === "team" ? "Team" : "Key" },
    { text: o.name, href: hrefs.window(o.kind === "team" ? { teamId: o.id ?? "" } : { apiKeyId: o.id ?? "" }) },
    { text: formatNumber(o.requests) },
    { text: usd(o.costUsd) },
  ];
  return { columns: ["Kind", "Name", "Requests", "Spend"], rows: [...teams, ...keys].map(row) };
}

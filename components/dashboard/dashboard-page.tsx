"use client";

// The Overview dashboard. Filters live in the URL; every section loads its own prepared data
// from the console API and only draws it. Clicking a chart element opens the matching logs.
import { useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { EmptyState, Loading, QueryState } from "@/components/ui/states";
import { DEFAULT_DASHBOARD_FILTERS, type DashboardDimensions, type DashboardFilters } from "@/server/analytics/dashboard-filters";
import { bucketMs, type DashboardWindow } from "@/server/analytics/resolve-window";
import { applyDashboardFilterChange, dashboardFiltersFromSearch, describeDimensionFilters } from "./dashboard-url";
import { drillDownHref } from "./drill-down";
import { categoryTotalsTable, costVsBaselineTable, latencyTable, modelMixTable, spendTable, topSpendersTable, type DrillHrefs } from "./chart-tables";
import { DashboardFiltersBar, rangeTitle } from "./dashboard-filters-bar";
import { KpiGrid, kpisCsvRows } from "./kpi-grid";
import { ChartCard } from "./chart-card";
import { CostVsBaselineChart, LatencyChart, SpendByModelChart } from "./time-charts";
import { CategoryTotalsChart, ModelMixChart } from "./category-charts";
import { BudgetBurnList, TopSpendersChart } from "./owner-charts";
import { formatBucket } from "./chart-format";
import { downloadCsv, toCsv } from "./csv";
import { Button } from "@/components/ui/button";
import { EvaluationSpendCard } from "./evaluation-spend-card";
import { OnboardingChecklist } from "@/components/onboarding/onboarding-checklist";
import { useFirstRun } from "@/components/onboarding/use-first-run";

export function DashboardPage({ subtitle }: { subtitle: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => dashboardFiltersFromSearch(searchParams), [searchParams]);
  const setFilters = (change: Partial<DashboardFilters>) => {
    // The address changes at once (Next's router follows history.replaceState), so a second
    // change made before the next render starts from the first one instead of dropping it.
    const query = applyDashboardFilterChange(window.location.search, change);
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  const options = { placeholderData: keepPreviousData } as const;
  const kpis = useQuery({ ...trpc.dashboard.kpis.queryOptions(filters), ...options });
  const trends = useQuery({ ...trpc.dashboard.trends.queryOptions(filters), ...options });
  const mix = useQuery({ ...trpc.dashboard.categoryMix.queryOptions(filters), ...options });
  const spenders = useQuery({ ...trpc.dashboard.topSpenders.queryOptions(filters), ...options });
  const budgets = useQuery({ ...trpc.dashboard.budgetBurn.queryOptions(filters), ...options });
  const filterOptions = useQuery(trpc.logs.filterOptions.queryOptions());
  const firstRun = useFirstRun();
  // One notice instead of an empty box per chart when the filters match no request at all.
  const noTraffic = trends.data?.series.models.length === 0 && mix.data?.mix.categories.length === 0
    && spenders.data?.teams.length === 0 && spenders.data?.keys.length === 0;
  // While the figures for new filters load, the previous ones stay on screen, marked as such,
  // so that the heading never describes numbers it does not match.
  const updating = [kpis, trends, mix, spenders, budgets].some((q) => q.isPlaceholderData);

  // One colour per model across charts: the tenant's models, then any others in the data.
  const allModels = useMemo(
    () => [...new Set([...(filterOptions.data?.models ?? []), ...(trends.data?.series.models ?? []), ...(mix.data?.mix.models ?? [])])],
    [filterOptions.data, trends.data, mix.data],
  );
  const dims: DashboardDimensions = filters;
  // Chart clicks and the charts' table views open the same logs.
  const hrefs = (span: DashboardWindow): DrillHrefs => ({
    bucket: (t, model) => drillDownHref(dims, { from: new Date(t), to: new Date(t + bucketMs(span.bucket)), narrow: model === undefined ? undefined : { model } }),
    window: (narrow) => drillDownHref(dims, { from: span.from, to: span.to, narrow }),
    bucketLabel: (t) => formatBucket(t, span.bucket),
  });
  const drillBucket = (span: DashboardWindow) => (t: number, model?: string) => router.push(hrefs(span).bucket(t, model));
  const drillWindow = (span: DashboardWindow) => (narrow: Partial<DashboardDimensions>) => router.push(hrefs(span).window(narrow));

  return (
    <>
      <header className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{subtitle}</p>
          <h1 className="text-2xl font-semibold">{rangeTitle(filters)}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="applied-filters">
            {describeDimensionFilters(filters, filterOptions.data ?? { teams: [], keys: [], policies: [] })}
            <span role="status" className="ml-2 text-slate-500">{updating ? "Updating…" : ""}</span>
          </p>
        </div>
        <Button disabled={!kpis.data} onClick={() => kpis.data && downloadCsv("key-figures.csv", toCsv(["figure", "value", "previous", "change", "change_kind"], kpisCsvRows(kpis.data.kpis)))}>
          Export key figures (CSV)
        </Button>
      </header>
      {firstRun.showChecklist === null ? <Loading />
        : firstRun.showChecklist && firstRun.status ? <OnboardingChecklist status={firstRun.status} onDone={firstRun.dismiss} /> : <>
      <DashboardFiltersBar filters={filters} onChange={setFilters} />
      <div aria-busy={updating} className={updating ? "opacity-60 transition-opacity" : "transition-opacity"}>
        <QueryState query={kpis}>{(data) => <KpiGrid kpis={data.kpis} />}</QueryState>

        <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
          {noTraffic ? (
            <div className="xl:col-span-2">
              <EmptyState title="No requests match these filters" action={<Button onClick={() => setFilters(DEFAULT_DASHBOARD_FILTERS)}>Reset the filters</Button>}>
                Widen the period or clear a filter. Requests show here a few seconds after the gateway answers them.
              </EmptyState>
            </div>
          ) : <>
          <ChartCard title="Spend by model" description="Stacked by the model that served the requests. Click a bar for its requests." query={trends}
            isEmpty={(d) => d.series.models.length === 0} table={(d) => spendTable(d.series.spend, d.series.models, hrefs(d.window))}
            csv={(d) => toCsv(["bucket_start_utc", ...d.series.models], d.series.spend.map((p) => [new Date(p.t).toISOString(), ...d.series.models.map((m) => p.byModel[m] ?? null)]))}>
            {(d) => <SpendByModelChart data={d.series.spend} models={d.series.models} bucket={d.window.bucket} allModels={allModels} onDrill={drillBucket(d.window)} />}
          </ChartCard>
          <ChartCard title="Actual vs baseline cost" description="The gap is the saving against sending everything to the policy's baseline model." query={trends}
            isEmpty={(d) => d.series.models.length === 0} table={(d) => costVsBaselineTable(d.series.costVsBaseline, hrefs(d.window))}
            csv={(d) => toCsv(["bucket_start_utc", "cost_usd", "baseline_cost_usd", "savings_usd", "unpriced_requests"], d.series.costVsBaseline.map((p) => [
              new Date(p.t).toISOString(), p.costUsd, p.baselineCostUsd, p.costUsd === null || p.baselineCostUsd === null ? null : p.baselineCostUsd - p.costUsd, p.unpriced,
            ]))}>
            {(d) => <CostVsBaselineChart data={d.series.costVsBaseline} bucket={d.window.bucket} onDrill={drillBucket(d.window)} />}
          </ChartCard>
          <ChartCard title="Latency by model" description="Percentiles from the rollups' latency histograms, per bucket." query={trends}
            isEmpty={(d) => d.series.models.length === 0} table={(d) => latencyTable(d.series.latency, d.series.models, hrefs(d.window))}
            csv={(d) => toCsv(["bucket_start_utc", ...d.series.models.flatMap((m) => [`${m} p50_ms`, `${m} p95_ms`])], d.series.latency.map((p) => [
              new Date(p.t).toISOString(), ...d.series.models.flatMap((m) => [p.p50[m] ?? null, p.p95[m] ?? null]),
            ]))}>
            {(d) => <LatencyChart data={d.series.latency} models={d.series.models} bucket={d.window.bucket} allModels={allModels} onDrill={drillBucket(d.window)} />}
          </ChartCard>
          <ChartCard title="Model mix per category" description="Which models each task category was routed to." query={mix}
            isEmpty={(d) => d.mix.categories.length === 0} table={(d) => modelMixTable(d.mix.categories, d.mix.models, hrefs(d.window))}
            csv={(d) => toCsv(["category", "model", "requests", "request_share", "spend_usd", "spend_share"], d.mix.categories.flatMap((c) => c.models.map((m) => [c.category, m.model, m.requests, m.requestShare, m.costUsd, m.spendShare])))}>
            {(d) => <ModelMixChart categories={d.mix.categories} models={d.mix.models} allModels={allModels} onDrill={drillWindow(d.window)} />}
          </ChartCard>
          <ChartCard title="Requests and spend by category" query={mix}
            isEmpty={(d) => d.mix.categories.length === 0} table={(d) => categoryTotalsTable(d.mix.categories, hrefs(d.window))}
            csv={(d) => toCsv(["category", "requests", "spend_usd", "unpriced_requests"], d.mix.categories.map((c) => [c.category, c.requests, c.costUsd, c.unpriced]))}>
            {(d) => <CategoryTotalsChart categories={d.mix.categories} onDrill={drillWindow(d.window)} />}
          </ChartCard>
          <ChartCard title="Top teams and keys by spend" query={spenders}
            isEmpty={(d) => d.teams.length === 0 && d.keys.length === 0} table={(d) => topSpendersTable(d.teams, d.keys, hrefs(d.window))}
            csv={(d) => toCsv(["kind", "name", "id", "requests", "spend_usd"], [...d.teams, ...d.keys].map((o) => [o.kind, o.name, o.id, o.requests, o.costUsd]))}>
            {(d) => (
              <div className="grid gap-4 md:grid-cols-2">
                <TopSpendersChart label="Teams" owners={d.teams} onDrill={(o) => drillWindow(d.window)({ teamId: o.id ?? "" })} />
                <TopSpendersChart label="Keys" owners={d.keys} onDrill={(o) => drillWindow(d.window)({ apiKeyId: o.id ?? "" })} />
              </div>
            )}
          </ChartCard>
          </>}
          <ChartCard title="Budget burn this month" description="Month-to-date spend (UTC month, all categories and models) against each monthly budget; the tick marks how much of the month has passed." query={budgets}
            isEmpty={(d) => d.budgets.length === 0} empty={{ title: "No budgets", text: "Set a monthly budget on a key or a team to follow its burn here." }}
            csv={(d) => toCsv(["kind", "name", "id", "budget_usd", "spent_usd", "used_share", "month_elapsed_share"], d.budgets.map((b) => [b.kind, b.name, b.id, b.budgetUsd, b.spentUsd, b.usedShare, b.monthElapsedShare]))}>
            {(d) => (
              <BudgetBurnList budgets={d.budgets} drillHref={(b) => drillDownHref({ ...dims, category: null, model: null, policyId: null }, {
                from: d.monthStart, to: new Date(), narrow: b.kind === "team" ? { teamId: b.id } : { apiKeyId: b.id },
              })} />
            )}
          </ChartCard>
          <EvaluationSpendCard />
        </div>
      </div>
      <p className="mt-4 text-xs text-slate-500">Times are UTC. {trends.data ? `Buckets: ${trends.data.window.bucket === "hour" ? "hourly" : "daily"}, from ${formatBucket(trends.data.window.from.getTime(), trends.data.window.bucket)}.` : ""}</p>
      </>}
    </>
  );
}

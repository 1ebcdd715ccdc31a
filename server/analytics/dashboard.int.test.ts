// The dashboard's numbers against the request rows they summarise, and the rollup rebuild
// against the usage writer's incremental rollups.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { forTenant } from "../db/tenant-scope";
import { UsageWriter } from "../usage/usage-writer";
import type { UsageRecord } from "../usage/usage-record";
import { LATENCY_BUCKET_BOUNDS_MS, latencyBucketIndex } from "../usage/latency-buckets";
import { DEFAULT_DASHBOARD_FILTERS, type DashboardFilters } from "./dashboard-filters";
import { getDashboardKpis } from "./get-dashboard-kpis";
import { getDashboardTrends } from "./get-dashboard-trends";
import { getCategoryMix } from "./get-category-mix";
import { getTopSpenders } from "./get-top-spenders";
import { getBudgetBurn } from "./get-budget-burn";
import { rebuildRollups } from "./rebuild-rollups";
import { makeTestTraffic } from "./dashboard-test-traffic";
import { makeConsoleFixture } from "../trpc/testing/console-fixture";

const t = setupTestDatabase();
const NOW = new Date("2026-11-20T12:30:00Z");
const DAY = 86_400_000;
const last24h: DashboardFilters = { ...DEFAULT_DASHBOARD_FILTERS, range: "24h" };

let tenantId: string;
let otherTenantId: string;
let records: UsageRecord[];
const scope = () => ({ db: forTenant(t.db, tenantId), tenantId });

async function write(batch: UsageRecord[]) {
  const writer = new UsageWriter(t.db, { batchSize: 250 });
  for (const r of batch) writer.record(r);
  await writer.close(30_000);
  expect(writer.pending).toBe(0);
}

function exactPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Histogram percentiles are exact only to the bucket holding the true value. */
function expectWithinBucket(estimate: number | null, exact: number) {
  const i = latencyBucketIndex(exact);
  const lower = i === 0 ? 0 : LATENCY_BUCKET_BOUNDS_MS[i - 1]!;
  const upper = LATENCY_BUCKET_BOUNDS_MS[i] ?? Infinity;
  expect(estimate).not.toBeNull();
  expect(estimate!).toBeGreaterThanOrEqual(lower);
  expect(estimate!).toBeLessThanOrEqual(upper);
}

const inWindow = (r: UsageRecord, from: Date, to: Date) => r.createdAt >= from && r.createdAt < to;
const money = (rs: UsageRecord[], key: "costUsd" | "baselineCostUsd") => rs.reduce((s, r) => s + (r[key] ?? 0), 0);

beforeAll(async () => {
  const tenant = await t.db.tenant.create({ data: { name: "Dash", slug: "dash" } });
  const other = await t.db.tenant.create({ data: { name: "Other", slug: "other" } });
  tenantId = tenant.id;
  otherTenantId = other.id;
  const platform = await t.db.team.create({ data: { tenantId, name: "Platform", monthlyBudgetUsd: 2 } });
  const product = await t.db.team.create({ data: { tenantId, name: "Product" } });
  const key = (name: string, teamId: string | null, monthlyBudgetUsd: number | null) =>
    t.db.apiKey.create({ data: { tenantId, teamId, name, prefix: name, hash: `hash-${name}`, monthlyBudgetUsd } });
  const keys = await Promise.all([key("alpha", platform.id, 1), key("beta", product.id, null), key("gamma", null, 0.5)]);
  const owners = { tenantId, keys: keys.map((k) => ({ id: k.id, teamId: k.teamId })), policyIds: ["pol-a", "pol-b"] };
  // Two days of history: the 24 h window and the previous period both have traffic.
  records = makeTestTraffic(owners, new Date(NOW.getTime() - 2 * DAY), NOW, 1200);
  await write(records);
  // Another tenant's traffic in the same hours must never show up.
  await write(makeTestTraffic({ tenantId: otherTenantId, keys: [{ id: "x", teamId: null }], policyIds: ["x"] }, new Date(NOW.getTime() - DAY), NOW, 300, 99));
});

describe("dashboard numbers equal the request rows", () => {
  it("key figures of the window and the previous period", async () => {
    const { window, kpis } = await getDashboardKpis(scope(), last24h, NOW);
    const current = records.filter((r) => inWindow(r, window.from, window.to));
    const previous = records.filter((r) => inWindow(r, window.previousFrom, window.previousTo));
    expect(kpis.requests.value).toBe(current.length);
    expect(kpis.requests.previous).toBe(previous.length);
    expect(kpis.spendUsd.value).toBeCloseTo(money(current, "costUsd"), 8);
    expect(kpis.spendUsd.previous).toBeCloseTo(money(previous, "costUsd"), 8);
    expect(kpis.savingsUsd.value).toBeCloseTo(money(current, "baselineCostUsd") - money(current, "costUsd"), 8);
    expect(kpis.errorRate.value).toBeCloseTo(current.filter((r) => r.status >= 400).length / current.length, 10);
    expect(kpis.cacheHitRate.value).toBeCloseTo(current.filter((r) => r.cacheHit).length / current.length, 10);
    expect(kpis.fallbackRate.value).toBeCloseTo(current.filter((r) => r.fallbackCount > 0).length / current.length, 10);
    expect(kpis.unpricedRequests).toBe(current.filter((r) => r.costUsd === null && r.status < 400).length);
    expect(kpis.requests.change).toBeCloseTo((current.length - previous.length) / previous.length, 10);
    const latencies = current.map((r) => r.latencyMs);
    expectWithinBucket(kpis.latencyP50Ms.value, exactPercentile(latencies, 0.5));
    expectWithinBucket(kpis.latencyP95Ms.value, exactPercentile(latencies, 0.95));
    expectWithinBucket(kpis.ttftP50Ms.value, exactPercentile(current.flatMap((r) => (r.ttftMs === null ? [] : [r.ttftMs])), 0.5));
  });

  it("filters narrow every figure to the matching rows", async () => {
    const filters = { ...last24h, category: "coding", model: "m-large", policyId: "pol-a" };
    const { window, kpis } = await getDashboardKpis(scope(), filters, NOW);
    const matching = records.filter((r) => inWindow(r, window.from, window.to) && r.category === "coding" && r.chosenModel === "m-large" && r.policyId === "pol-a");
    expect(matching.length).toBeGreaterThan(10);
    expect(kpis.requests.value).toBe(matching.length);
    expect(kpis.spendUsd.value).toBeCloseTo(money(matching, "costUsd"), 8);
  });

  it("a window of partial days (daily rows in the middle, hourly at the ends) has the same totals", async () => {
    const filters = { ...last24h, range: "custom" as const, from: new Date("2026-11-18T17:00Z"), to: new Date("2026-11-20T11:00Z") };
    const { window, kpis } = await getDashboardKpis(scope(), filters, NOW);
    const current = records.filter((r) => inWindow(r, window.from, window.to));
    expect(kpis.requests.value).toBe(current.length);
    expect(kpis.spendUsd.value).toBeCloseTo(money(current, "costUsd"), 8);
    expectWithinBucket(kpis.latencyP95Ms.value, exactPercentile(current.map((r) => r.latencyMs), 0.95));
    const { mix } = await getCategoryMix(scope(), filters, NOW);
    expect(mix.categories.reduce((s, c) => s + c.costUsd, 0)).toBeCloseTo(money(current, "costUsd"), 8);
    const { keys } = await getTopSpenders(scope(), filters, NOW);
    expect(keys.reduce((s, k) => s + k.requests, 0)).toBe(current.length);
  });

  it("model mix per category: requests and spend per category and model", async () => {
    const { window, mix } = await getCategoryMix(scope(), last24h, NOW);
    const current = records.filter((r) => inWindow(r, window.from, window.to));
    for (const category of mix.categories) {
      const inCategory = current.filter((r) => r.category === category.category);
      expect(category.requests).toBe(inCategory.length);
      expect(category.costUsd).toBeCloseTo(money(inCategory, "costUsd"), 8);
      for (const m of category.models) {
        const rows = inCategory.filter((r) => r.chosenModel === m.model);
        expect(m.requests).toBe(rows.length);
        expect(m.costUsd).toBeCloseTo(money(rows, "costUsd"), 8);
        expect(m.requestShare).toBeCloseTo(rows.length / inCategory.length, 10);
      }
    }
    expect(mix.categories.reduce((s, c) => s + c.requests, 0)).toBe(current.length);
  });

  it("series over time: hourly buckets that add up, per-model latency within bucket tolerance", async () => {
    const { window, series } = await getDashboardTrends(scope(), last24h, NOW);
    expect(series.spend).toHaveLength(24);
    const current = records.filter((r) => inWindow(r, window.from, window.to));
    const total = series.costVsBaseline.reduce((s, p) => s + (p.costUsd ?? 0), 0);
    expect(total).toBeCloseTo(money(current, "costUsd"), 8);
    // The last bucket (12:00-13:00) only has traffic until 12:30; later there is none.
    const lastHour = current.filter((r) => r.createdAt.getTime() >= NOW.getTime() - 30 * 60_000 - 1);
    expect(series.spend.at(-1)!.byModel["m-small"]).toBeCloseTo(money(lastHour.filter((r) => r.chosenModel === "m-small"), "costUsd"), 8);
    const firstHour = current.filter((r) => r.createdAt.getTime() < window.from.getTime() + 3_600_000 && r.chosenModel === "m-mid");
    expectWithinBucket(series.latency[0]!.p50["m-mid"]!, exactPercentile(firstHour.map((r) => r.latencyMs), 0.5));
  });

  it("an empty window is no data, not zero", async () => {
    const january = { ...last24h, range: "custom" as const, from: new Date("2026-01-01T00:00Z"), to: new Date("2026-01-02T00:00Z") };
    const { series } = await getDashboardTrends(scope(), january, NOW);
    const { kpis } = await getDashboardKpis(scope(), january, NOW);
    expect(series.costVsBaseline.every((p) => p.costUsd === null)).toBe(true);
    expect(kpis.latencyP95Ms.value).toBeNull();
    expect(kpis.requests.value).toBe(0);
  });

  it("top spenders and budget burn by name, from this tenant only", async () => {
    const { window, teams, keys } = await getTopSpenders(scope(), last24h, NOW);
    const current = records.filter((r) => inWindow(r, window.from, window.to));
    const platformTeam = teams.find((x) => x.name === "Platform")!;
    expect(platformTeam.costUsd).toBeCloseTo(money(current.filter((r) => r.teamId === platformTeam.id), "costUsd"), 8);
    expect(teams.find((x) => x.id === null)?.name).toBe("No team");
    expect(keys.map((k) => k.name).sort()).toEqual(["alpha", "beta", "gamma"]);

    const { budgets } = await getBudgetBurn(scope(), DEFAULT_DASHBOARD_FILTERS, NOW);
    const monthToDate = records.filter((r) => r.createdAt >= new Date("2026-11-01T00:00Z"));
    const alpha = budgets.find((b) => b.name === "alpha")!;
    expect(alpha.spentUsd).toBeCloseTo(money(monthToDate.filter((r) => r.apiKeyId === alpha.id), "costUsd"), 8);
    expect(budgets.map((b) => b.name).sort()).toEqual(["Platform", "alpha", "gamma"]);
    expect(alpha.monthElapsedShare).toBeCloseTo((NOW.getTime() - Date.UTC(2026, 10, 1)) / (30 * DAY), 10);
  });
});

describe("rollups:rebuild", () => {
  const ORDER = ["tenantId", "category", "model", "teamId", "apiKeyId", "policyId"] as const;
  const plain = <R extends { id: bigint; costUsd: { toString(): string }; baselineCostUsd: { toString(): string } }>({ id: _, ...row }: R) =>
    ({ ...row, costUsd: row.costUsd.toString(), baselineCostUsd: row.baselineCostUsd.toString() });
  const rollupRows = async () => ({
    hourly: (await t.db.usageRollup.findMany({ orderBy: [{ hour: "asc" }, ...ORDER.map((k) => ({ [k]: "asc" as const }))] })).map(plain),
    daily: (await t.db.usageRollupDaily.findMany({ orderBy: [{ day: "asc" }, ...ORDER.map((k) => ({ [k]: "asc" as const }))] })).map(plain),
  });

  it("rebuilding from the request rows gives exactly the rollups the usage writer kept, hourly and daily", async () => {
    const before = await rollupRows();
    expect(before.hourly.length).toBeGreaterThan(100);
    expect(before.daily.length).toBeGreaterThan(20);
    const result = await rebuildRollups(t.db, { from: new Date(NOW.getTime() - 3 * DAY - 30 * 60_000), to: new Date(NOW.getTime() + 30 * 60_000) });
    expect(result.requests).toBe(1500);
    expect(await rollupRows()).toEqual(before);
    // The rows carry implicit signals: both ways count each as often as the rows have it.
    for (const [column, signal] of [["emptyAnswers", "empty"], ["refusals", "refusal"], ["truncations", "truncated"]] as const) {
      const rows = await t.db.requestLog.count({ where: { signals: { has: signal } } });
      expect(rows).toBeGreaterThan(0);
      expect(before.daily.reduce((n, r) => n + r[column], 0)).toBe(rows);
      expect(before.hourly.reduce((n, r) => n + r[column], 0)).toBe(rows);
    }
  });

  it("repairs damaged rollups of one tenant and leaves other tenants alone", async () => {
    const before = await rollupRows();
    await t.db.usageRollup.updateMany({ where: { tenantId }, data: { requests: 0, refusals: 0, truncations: 0, costUsd: 0, latencyHistogram: [] } });
    await t.db.usageRollupDaily.deleteMany({ where: { tenantId } });
    await t.db.usageRollup.updateMany({ where: { tenantId: otherTenantId }, data: { errors: 1000 } });
    // A range inside a day: the hours are rebuilt, and the days it touches in full.
    await rebuildRollups(t.db, { from: new Date("2026-11-18T05:00Z"), to: new Date("2026-11-20T13:00Z"), tenantId });
    const after = await rollupRows();
    const mine = <R extends { tenantId: string }>(rows: R[], id: string) => rows.filter((r) => r.tenantId === id);
    expect(mine(after.hourly, tenantId).filter((r) => r.hour >= new Date("2026-11-18T05:00Z"))).toEqual(mine(before.hourly, tenantId).filter((r) => r.hour >= new Date("2026-11-18T05:00Z")));
    expect(mine(after.daily, tenantId)).toEqual(mine(before.daily, tenantId));
    expect(mine(after.hourly, otherTenantId).every((r) => r.errors === 1000)).toBe(true);
  });

  it("refuses a range that is not on whole hours", async () => {
    await expect(rebuildRollups(t.db, { from: new Date("2026-11-01T00:30Z"), to: new Date("2026-11-02T00:00Z") })).rejects.toThrow(/whole hour/);
  });
});

describe("console API", () => {
  it("answers from the caller's tenant only, whatever the input says", async () => {
    const { a, b, as } = await makeConsoleFixture(t.db);
    const hour = (await t.db.usageRollup.findFirstOrThrow({ where: { tenantId: a.tenant.id } })).hour;
    const filters = { ...DEFAULT_DASHBOARD_FILTERS, range: "custom" as const, from: hour, to: new Date(hour.getTime() + 3_600_000) };
    await t.db.usageRollup.updateMany({ where: { tenantId: b.tenant.id }, data: { requests: 5 } });
    const sneaky = { ...filters, tenantId: a.tenant.id } as typeof filters;
    expect((await as(a.users.viewer.id).dashboard.kpis(filters)).kpis.requests.value).toBe(3);
    expect((await as(b.users.viewer.id).dashboard.kpis(sneaky)).kpis.requests.value).toBe(5);
    const keys = (await as(b.users.viewer.id).dashboard.topSpenders(sneaky)).keys;
    expect(keys.map((k) => k.name)).toEqual(["Backend"]);
    expect(keys[0]!.id).toBe(b.key.id);
    await expect(as(null).dashboard.kpis(filters)).rejects.toThrow(/Sign in/);
  });
});

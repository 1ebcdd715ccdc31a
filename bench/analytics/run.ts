// Analytics benchmark (`npm run bench:analytics`): loads synthetic request rows and their
// rollups into a fresh database on the local PostgreSQL server, then times every dashboard
// query (the functions the console API calls) for 30-day and 24-hour ranges, with and
// without filters. Writes bench/analytics/RESULTS.md; the database is dropped at the end.
//
// Options: --rows=<n> (default 5,000,000), --days=<n> of history (default 60, so that the
// previous period of a 30-day view has data too), --runs=<n> per query (default 100),
// --keep (leave the database for inspection), --no-write.
import { cpus, loadavg, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../server/db/client";
import { dropDatabase, ensureDatabase, migrate, withDatabase } from "../../server/db/prepare-database";
import { forTenant } from "../../server/db/tenant-scope";
import { DEFAULT_DASHBOARD_FILTERS, type DashboardFilters } from "../../server/analytics/dashboard-filters";
import { getDashboardKpis } from "../../server/analytics/get-dashboard-kpis";
import { getDashboardTrends } from "../../server/analytics/get-dashboard-trends";
import { getCategoryMix } from "../../server/analytics/get-category-mix";
import { getTopSpenders } from "../../server/analytics/get-top-spenders";
import { getBudgetBurn } from "../../server/analytics/get-budget-burn";
import type { AnalyticsScope } from "../../server/analytics/rollup-query-parts";
import { percentile } from "../gateway/load";
import { BIG_TENANT, buildRollups, createOwners, insertRequestRows } from "./load-data";

const args = new Map(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, "").split("=");
  return [k!, v ?? "true"] as const;
}));
const ROWS = Number(args.get("rows") ?? 5_000_000);
const DAYS = Number(args.get("days") ?? 60);
const RUNS = Number(args.get("runs") ?? 100);
const TARGET_P95_MS = 150;
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const log = (m: string) => console.error(`[bench] ${m}`);

type Query = (scope: AnalyticsScope, filters: DashboardFilters, now: Date) => Promise<unknown>;
const QUERIES: [string, Query][] = [
  ["kpis", getDashboardKpis],
  ["trends", getDashboardTrends],
  ["categoryMix", getCategoryMix],
  ["topSpenders", getTopSpenders],
  ["budgetBurn", getBudgetBurn],
];
const FILTERED = { teamId: `${BIG_TENANT}-team-1`, category: "coding" };
const CASES: [string, DashboardFilters][] = [
  ["30 d", { ...DEFAULT_DASHBOARD_FILTERS, range: "30d" }],
  ["30 d, team + category", { ...DEFAULT_DASHBOARD_FILTERS, range: "30d", ...FILTERED }],
  ["24 h", { ...DEFAULT_DASHBOARD_FILTERS, range: "24h" }],
  ["24 h, team + category", { ...DEFAULT_DASHBOARD_FILTERS, range: "24h", ...FILTERED }],
];

interface Counts { requests: number; rollups: number; bigRollups: number; dailyRollups: number; bigDailyRollups: number; bigRequests: number }

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main() {
  const url = withDatabase(SERVER, `switchyard_bench_analytics_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createPrismaClient(url);
  try {
    log(`migrating ${new URL(url).pathname.slice(1)}`);
    await migrate(url);
    const now = new Date();
    await createOwners(db);
    const loadStart = performance.now();
    await insertRequestRows(db, { rows: ROWS, days: DAYS, now, bigTenantShare: 0.8 }, (done) => log(`${done.toLocaleString("en-US")} request rows`));
    const insertMs = performance.now() - loadStart;
    const rollupStart = performance.now();
    await buildRollups(db);
    const rollupMs = performance.now() - rollupStart;
    const counts = await db.$queryRawUnsafe<Counts[]>(`
      SELECT (SELECT count(*) FROM "RequestLog")::int AS requests, (SELECT count(*) FROM "UsageRollup")::int AS rollups,
        (SELECT count(*) FROM "UsageRollup" WHERE "tenantId" = '${BIG_TENANT}')::int AS "bigRollups",
        (SELECT count(*) FROM "UsageRollupDaily")::int AS "dailyRollups",
        (SELECT count(*) FROM "UsageRollupDaily" WHERE "tenantId" = '${BIG_TENANT}')::int AS "bigDailyRollups",
        (SELECT count(*) FROM "RequestLog" WHERE "tenantId" = '${BIG_TENANT}')::int AS "bigRequests"`);
    log(`loaded: ${JSON.stringify(counts[0])} in ${Math.round(insertMs / 1000)} s + rollups ${Math.round(rollupMs / 1000)} s`);

    const scope = { db: forTenant(db, BIG_TENANT), tenantId: BIG_TENANT };
    // Other work on a shared machine shows up in the tail latencies: record how busy it was.
    const loadBefore = loadavg()[0]!;
    const results: { query: string; range: string; p50: number; p95: number; max: number }[] = [];
    for (const [range, filters] of CASES) {
      for (const [name, query] of QUERIES) {
        for (let i = 0; i < 3; i++) await query(scope, filters, now);
        const samples = new Float64Array(RUNS);
        for (let i = 0; i < RUNS; i++) samples[i] = await time(() => query(scope, filters, now));
        samples.sort();
        const row = { query: name, range, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[RUNS - 1]! };
        results.push(row);
        log(`${name.padEnd(12)} ${range.padEnd(24)} p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms`);
      }
    }
    const [{ version }] = (await db.$queryRawUnsafe<{ version: string }[]>(`SELECT split_part(version(), ' on ', 1) AS version`)) as [{ version: string }];
    if (!args.has("no-write")) writeResults({ counts: counts[0]!, insertMs, rollupMs, results, version, now, loadBefore });
    const worst = Math.max(...results.map((r) => r.p95));
    log(`worst p95 ${worst.toFixed(1)} ms (target < ${TARGET_P95_MS} ms)`);
  } finally {
    await db.$disconnect();
    if (!args.has("keep")) await dropDatabase(url);
    else log(`kept ${url}`);
  }
}

function writeResults(r: {
  counts: Counts;
  insertMs: number; rollupMs: number; version: string; now: Date; loadBefore: number;
  results: { query: string; range: string; p50: number; p95: number; max: number }[];
}) {
  const fmt = (n: number) => n.toLocaleString("en-US");
  const ms = (n: number) => n.toFixed(1);
  const lines = [
    "# Analytics benchmark",
    "",
    `Dashboard queries over the hourly rollups, timed with \`npm run bench:analytics\` (${r.now.toISOString().slice(0, 10)}).`,
    "Each figure is one call of the function the console API runs (SQL, series preparation and,",
    `where needed, name look-ups), ${RUNS} runs after 3 warm-up runs, measured in the calling Node process.`,
    "",
    "## Set-up",
    "",
    `- Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB RAM; ${r.version} on 127.0.0.1:5432 (default settings). One-minute load average when the timing started ${r.loadBefore.toFixed(2)}, at the end ${loadavg()[0]!.toFixed(2)} (the machine is shared: other work shows up in the tail).`,
    `- Data: ${fmt(r.counts.requests)} request rows over ${DAYS} days in 5 tenants; the measured tenant has ${fmt(r.counts.bigRequests)} of them (30 keys in 6 teams, 3 policies, 5 categories, 10 models, 3 per category).`,
    `- Rollups, built with the usage writer's rollup SQL: ${fmt(r.counts.rollups)} hourly rows (${fmt(r.counts.bigRollups)} for the measured tenant) and ${fmt(r.counts.dailyRollups)} daily rows (${fmt(r.counts.bigDailyRollups)}). Views read whole days from the daily table and the hours at a range's ends from the hourly one; hourly charts (≤ 48 h) read hourly rows only.`,
    `- Load time: request rows ${(r.insertMs / 1000).toFixed(0)} s (generate_series INSERT … SELECT, secondary indexes built afterwards), rollups ${(r.rollupMs / 1000).toFixed(0)} s (hourly and daily, including VACUUM ANALYZE).`,
    `- Filters: team + category (\`teamId\` = one of 6 teams, \`category\` = coding). Target: p95 < ${TARGET_P95_MS} ms per query.`,
    "",
    "## Results",
    "",
    "| query | range | p50 ms | p95 ms | max ms |",
    "| --- | --- | ---: | ---: | ---: |",
    ...r.results.map((x) => `| ${x.query} | ${x.range} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.max)} |`),
    "",
    `Worst p95: ${ms(Math.max(...r.results.map((x) => x.p95)))} ms. budgetBurn always reads the current month, whatever the range.`,
    "",
  ];
  writeFileSync(path.join(import.meta.dirname, "RESULTS.md"), lines.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

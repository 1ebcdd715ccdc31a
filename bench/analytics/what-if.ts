// What-if benchmark (`npx tsx bench/analytics/what-if.ts`): loads synthetic request rows (the analytics
// benchmark's loader) into a fresh database on the local PostgreSQL server, then times the
// policy what-if service (read the policy's latest routed requests, at most 100,000, and replay
// them under the saved policy and a draft) for 7- and 30-day windows, and the read and the
// replay alone. The database is dropped at the end.
//
// Options: --rows=<n> (default 5,000,000), --days=<n> of history (default 60), --runs=<n> per
// window (default 20), --keep (leave the database for inspection).
import { cpus, loadavg, totalmem } from "node:os";
import { createPrismaClient } from "../../server/db/client";
import { dropDatabase, ensureDatabase, migrate, withDatabase } from "../../server/db/prepare-database";
import { forTenant } from "../../server/db/tenant-scope";
import { toRuleRows } from "../../server/catalog/policy-snapshot";
import { mergeCatalog } from "../../server/catalog/catalog-snapshot";
import { seedGlobalCatalog } from "../../server/demo/seed-demo";
import { whatIfPolicy } from "../../server/console/policies/what-if-policy";
import { readReplayRows } from "../../server/console/policies/read-replay-rows";
import { toPolicyFields } from "../../server/console/policies/policy-fields";
import { DEFAULT_POLICY } from "../../server/routing/defaults";
import { replayPolicies } from "../../server/routing/replay-policy";
import { percentile } from "../gateway/load";
import { BIG_TENANT, buildRollups, createOwners, insertRequestRows } from "./load-data";

const args = new Map(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, "").split("=");
  return [k!, v ?? "true"] as const;
}));
const ROWS = Number(args.get("rows") ?? 5_000_000);
const DAYS = Number(args.get("days") ?? 60);
const RUNS = Number(args.get("runs") ?? 20);
const TARGET_P95_MS = 2_000;
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const log = (m: string) => console.error(`[bench] ${m}`);

async function timed(runs: number, fn: () => Promise<unknown> | unknown): Promise<{ p50: number; p95: number; max: number }> {
  await fn();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples[i] = performance.now() - start;
  }
  samples.sort();
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[runs - 1]! };
}

async function main() {
  const url = withDatabase(SERVER, `switchyard_bench_what_if_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createPrismaClient(url);
  try {
    log(`migrating ${new URL(url).pathname.slice(1)}`);
    await migrate(url);
    const now = new Date();
    await seedGlobalCatalog(db);
    await createOwners(db);
    // The loader's rows name their policy by the key: policy 0 of the measured tenant is the one replayed.
    const policy = await db.routingPolicy.create({
      data: {
        id: `${BIG_TENANT}-policy-0`, tenantId: BIG_TENANT, name: "bench-0", baselineModelSlug: DEFAULT_POLICY.baselineModelId,
        defaultCategory: DEFAULT_POLICY.defaultCategory, confidenceThreshold: DEFAULT_POLICY.confidenceThreshold,
        difficultyBarRaise: DEFAULT_POLICY.difficultyBarRaise, rules: { create: toRuleRows(DEFAULT_POLICY) },
      },
      include: { rules: true },
    });
    const loadStart = performance.now();
    await insertRequestRows(db, { rows: ROWS, days: DAYS, now, bigTenantShare: 0.8 }, (done) => log(`${done.toLocaleString("en-US")} request rows`));
    // A running gateway appends rows as requests end, so the table is in time order; the loader
    // draws times at random. Put the rows in time order, as the gateway would have written them.
    await db.$executeRawUnsafe(`CREATE INDEX "bench_createdAt" ON "RequestLog" ("createdAt")`);
    await db.$executeRawUnsafe(`CLUSTER "RequestLog" USING "bench_createdAt"`);
    await db.$executeRawUnsafe(`DROP INDEX "bench_createdAt"`);
    // The rollups give the total when the window holds more than the replayed 100,000 requests.
    await buildRollups(db);
    const loadMs = performance.now() - loadStart;

    const actor = { db: forTenant(db, BIG_TENANT), rootDb: db, tenantId: BIG_TENANT, userId: "bench", role: "admin" as const };
    const fields = toPolicyFields(policy);
    // A draft that moves traffic: a stricter coding bar, a cheaper general one, a higher confidence threshold.
    const draft = {
      ...fields,
      confidenceThreshold: 0.7,
      rules: fields.rules.map((r) => (r.category === "coding" ? { ...r, qualityBar: 80.8 } : r.category === "general" ? { ...r, qualityBar: 45 } : r)),
    };
    const loadBefore = loadavg()[0]!;
    const lines: string[] = [];
    for (const days of [7, 30] as const) {
      const sample = await whatIfPolicy(actor, { policyId: policy.id, draft, days });
      const t = await timed(RUNS, () => whatIfPolicy(actor, { policyId: policy.id, draft, days }));
      const line = `what-if ${days} d: ${sample.requests.toLocaleString("en-US")} of ${sample.totalEstimated ? "about " : ""}${sample.totalRequests.toLocaleString("en-US")} requests, ${sample.changed.toLocaleString("en-US")} change model; p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, max ${t.max.toFixed(0)} ms`;
      log(line);
      lines.push(line);
    }
    // Where the time goes: the read (rows and, when capped, the count) and the replay alone.
    const from = new Date(now.getTime() - 7 * 86_400_000);
    const scope = { tenantId: BIG_TENANT, policyId: policy.id, policyName: policy.name, from, to: new Date() };
    const read = await timed(RUNS, () => readReplayRows(actor.db, scope));
    const { rows } = await readReplayRows(actor.db, scope);
    const catalog = mergeCatalog(await db.model.findMany());
    const saved = { ...DEFAULT_POLICY, id: policy.id };
    const draftPolicy = { ...saved, confidenceThreshold: 0.7, rules: { ...saved.rules, coding: { ...saved.rules.coding!, qualityBar: 80.8 }, general: { ...saved.rules.general!, qualityBar: 45 } } };
    const replay = await timed(RUNS, () => replayPolicies({ rows, catalog, saved, draft: draftPolicy, now: new Date(), sampleSize: 20 }));
    for (const [name, t] of [["read 7 d (rows, and the total from the rollups when capped)", read], [`replay of ${rows.length.toLocaleString("en-US")} rows × 2 policies`, replay]] as const) {
      const line = `${name}: p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, max ${t.max.toFixed(0)} ms`;
      log(line);
      lines.push(line);
    }
    const [{ version }] = (await db.$queryRawUnsafe<{ version: string }[]>(`SELECT split_part(version(), ' on ', 1) AS version`)) as [{ version: string }];
    console.log([
      `rows ${ROWS.toLocaleString("en-US")} over ${DAYS} days, loaded, put in time order and rolled up in ${(loadMs / 1000).toFixed(0)} s; ${RUNS} runs after one warm-up; target p95 < ${TARGET_P95_MS} ms`,
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB RAM; ${version}; load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`,
      ...lines,
    ].join("\n"));
  } finally {
    await db.$disconnect();
    if (!args.has("keep")) await dropDatabase(url);
    else log(`kept ${url}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

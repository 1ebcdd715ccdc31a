// Drift check benchmark (`npx tsx bench/alerts/drift.ts`): seeds a scratch database on the local
// PostgreSQL server with one tenant's hourly and daily rollups for 30 models x 6 categories over 8 days
// (about 30 requests per model, category and hour), the feedback on about one request in eight
// (with its request rows) and a judged evaluation on one in ten, the 30 models' catalog prices and
// a policy; one model turns slower in one category 12 hours before the end, so rounds raise and
// then refresh alerts. Then times 20 alerts rounds (after 2 warm-up rounds) as the alerts job runs
// them, and prints p50 and p95. The database is dropped at the end.
//
// Options: --runs=<n> rounds timed (default 20), --keep (leave the database).
import { cpus, loadavg } from "node:os";
import { createPrismaClient } from "../../server/db/client";
import { dropDatabase, ensureDatabase, migrate, withDatabase } from "../../server/db/prepare-database";
import { runAlertRound } from "../../server/alerts/alerts-job";
import { SYNTHETIC_CATEGORIES, syntheticModel, syntheticTraffic, type HourTraffic } from "../../server/testing/synthetic-drift-traffic";
import { LATENCY_BUCKET_COUNT } from "../../server/usage/latency-buckets";
import { percentile } from "../gateway/load";

const args = new Map(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, "").split("=");
  return [k!, v ?? "true"] as const;
}));
const RUNS = Number(args.get("runs") ?? 20);
const MODELS = 30;
const HOUR_MS = 3_600_000;
const TARGET_MS = 1000;
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const log = (m: string) => console.error(`[bench] ${m}`);
const CHUNK = 2000;

type Db = ReturnType<typeof createPrismaClient>;

async function insertRollups(db: Db, tenantId: string, hours: readonly HourTraffic[]) {
  for (let i = 0; i < hours.length; i += CHUNK) {
    const rows = hours.slice(i, i + CHUNK).map((h) => ({
      tenantId, hour: h.hour.toISOString(), category: h.category, model: h.model, requests: h.requests, errors: h.errors, fallbacks: h.fallbacks,
      emptyAnswers: h.badAnswers, inputTokens: h.inputTokens, outputTokens: h.outputTokens, costUsd: h.costUsd, latencySumMs: h.latencySumMs,
      ttftSumMs: h.ttftSumMs, ttftCount: h.requests, latencyHistogram: h.latencyHistogram, ttftHistogram: h.ttftHistogram,
    }));
    await db.$executeRaw`
      INSERT INTO "UsageRollup" ("tenantId", "hour", "category", "model", "requests", "errors", "fallbacks", "emptyAnswers", "inputTokens", "outputTokens",
        "costUsd", "latencySumMs", "ttftSumMs", "ttftCount", "latencyHistogram", "ttftHistogram")
      SELECT r."tenantId", r."hour", r."category", r."model", r."requests", r."errors", r."fallbacks", r."emptyAnswers", r."inputTokens", r."outputTokens",
        r."costUsd", r."latencySumMs", r."ttftSumMs", r."ttftCount", r."latencyHistogram", r."ttftHistogram"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("tenantId" text, "hour" timestamp, "category" text, "model" text, "requests" int,
        "errors" int, "fallbacks" int, "emptyAnswers" int, "inputTokens" bigint, "outputTokens" bigint, "costUsd" numeric, "latencySumMs" bigint,
        "ttftSumMs" bigint, "ttftCount" int, "latencyHistogram" int[], "ttftHistogram" int[])`;
  }
}

/** The daily rows the usage writer would have kept beside the hourly ones (the drift check reads whole days from them). */
async function buildDailyRollups(db: Db) {
  const cells = (column: string) => `ARRAY[${Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `sum("${column}"[${i + 1}])`).join(", ")}]::int[]`;
  const summed = ["requests", "errors", "fallbacks", "emptyAnswers", "inputTokens", "outputTokens", "costUsd", "latencySumMs", "ttftSumMs", "ttftCount"];
  await db.$executeRawUnsafe(`
    INSERT INTO "UsageRollupDaily" ("tenantId", "day", "category", "model", ${summed.map((c) => `"${c}"`).join(", ")}, "latencyHistogram", "ttftHistogram")
    SELECT "tenantId", date_trunc('day', "hour"), "category", "model", ${summed.map((c) => `sum("${c}")`).join(", ")}, ${cells("latencyHistogram")}, ${cells("ttftHistogram")}
    FROM "UsageRollup" GROUP BY 1, 2, 3, 4`);
}

/** Feedback needs the request it is about (the drift check joins them); evaluations stand alone. */
async function insertEvidence(db: Db, tenantId: string, hours: readonly HourTraffic[]) {
  let feedback: { id: string; model: string; category: string; at: string; score: number }[] = [];
  let judged: { model: string; category: string; at: string; wins: number }[] = [];
  let n = 0;
  const flush = async () => {
    if (feedback.length > 0) {
      const json = JSON.stringify(feedback);
      await db.$executeRaw`
        INSERT INTO "RequestLog" ("id", "tenantId", "endpoint", "requestedModel", "category", "chosenModel", "latencyMs", "status", "createdAt")
        SELECT f."id", ${tenantId}, 'openai', 'auto', f."category", f."model", 500, 200, f."at" FROM jsonb_to_recordset(${json}::jsonb) AS f("id" text, "category" text, "model" text, "at" timestamp)`;
      await db.$executeRaw`
        INSERT INTO "Feedback" ("id", "tenantId", "requestId", "score", "createdAt")
        SELECT 'fb-' || f."id", ${tenantId}, f."id", f."score", f."at" + interval '1 minute' FROM jsonb_to_recordset(${json}::jsonb) AS f("id" text, "score" float8, "at" timestamp)`;
    }
    if (judged.length > 0) {
      await db.$executeRaw`
        INSERT INTO "Evaluation" ("id", "tenantId", "requestId", "category", "servedModel", "challengerModel", "judgeModel", "status", "servedWins", "createdAt")
        SELECT 'ev-' || md5(random()::text), ${tenantId}, 'r', e."category", e."model", 'challenger', 'judge', 'ok', e."wins", e."at"
        FROM jsonb_to_recordset(${JSON.stringify(judged)}::jsonb) AS e("category" text, "model" text, "wins" float8, "at" timestamp)`;
    }
    feedback = [];
    judged = [];
  };
  for (const h of hours) {
    for (const score of h.feedbackScores) feedback.push({ id: `req-${n++}`, model: h.model, category: h.category, at: h.hour.toISOString(), score });
    for (const wins of h.judged) judged.push({ model: h.model, category: h.category, at: h.hour.toISOString(), wins });
    if (feedback.length + judged.length >= CHUNK) await flush();
  }
  await flush();
}

async function main() {
  const url = withDatabase(SERVER, `switchyard_bench_drift_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createPrismaClient(url);
  try {
    log(`migrating ${new URL(url).pathname.slice(1)}`);
    await migrate(url);
    const now = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS + 30 * 60_000);
    const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
    const tenantId = (await db.tenant.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } })).id;
    await db.routingPolicy.create({ data: { tenantId, name: "default", baselineModelSlug: syntheticModel(0), rules: { create: SYNTHETIC_CATEGORIES.map((category) => ({ category, qualityBar: 60 })) } } });
    await db.model.createMany({
      data: Array.from({ length: MODELS }, (_, m) => ({
        tenantId, slug: syntheticModel(m), provider: "simulated", providerModelId: syntheticModel(m), displayName: syntheticModel(m), contextWindow: 128_000, quality: {},
        inputPricePerMTok: 1 + (m % 5), outputPricePerMTok: 4 * (1 + (m % 5)),
      })),
    });
    const started = performance.now();
    const hours = syntheticTraffic({
      models: MODELS, categories: SYNTHETIC_CATEGORIES, hours: 8 * 24, end, seed: 42, requestsPerHour: 30,
      change: { model: syntheticModel(7), category: "math", from: new Date(end.getTime() - 12 * HOUR_MS), latencyFactor: 1.6 },
    });
    await insertRollups(db, tenantId, hours);
    await buildDailyRollups(db);
    await insertEvidence(db, tenantId, hours);
    await db.$executeRawUnsafe(`VACUUM ANALYZE`);
    const [counts] = await db.$queryRaw<{ rollups: number; requests: number; feedback: number; evaluations: number }[]>`
      SELECT (SELECT count(*) FROM "UsageRollup")::int AS rollups, (SELECT coalesce(sum("requests"), 0) FROM "UsageRollup")::int AS requests,
        (SELECT count(*) FROM "Feedback")::int AS feedback, (SELECT count(*) FROM "Evaluation")::int AS evaluations`;
    log(`seeded ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    const loadBefore = loadavg()[0]!;
    for (let i = 0; i < 2; i++) log(`warm-up round: ${JSON.stringify(await runAlertRound(db, now))}`);
    const samples = new Float64Array(RUNS);
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await runAlertRound(db, now);
      samples[i] = performance.now() - t0;
    }
    samples.sort();
    const alerts = await db.alert.findMany({ where: { tenantId, status: "open" }, select: { title: true } });
    log(`open alerts: ${alerts.map((a) => a.title).join("; ")}`);
    console.log(`drift round, 30 models x 6 categories, 8 days hourly (${counts!.rollups.toLocaleString("en-US")} rollup rows, ${counts!.feedback.toLocaleString("en-US")} feedback, ${counts!.evaluations.toLocaleString("en-US")} evaluations): ` +
      `p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms, max ${samples[RUNS - 1]!.toFixed(0)} ms over ${RUNS} rounds (target < ${TARGET_MS} ms); ` +
      `${cpus().length} cores, load ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
  } finally {
    await db.$disconnect();
    if (!args.has("keep")) await dropDatabase(url);
    else log(`kept ${url}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// Synthetic request history for the analytics benchmark, generated inside PostgreSQL
// (generate_series, INSERT ... SELECT) and rolled up with the usage writer's rollup SQL.
import type { PrismaClient } from "../../server/db/generated/client";
import { upsertRollupsFromSql } from "../../server/usage/rollup-sql";

export const BIG_TENANT = "bench-acme";
export const SMALL_TENANTS = ["bench-b", "bench-c", "bench-d", "bench-e"];
export const TEAMS = 6;
export const KEYS = 30;
export const POLICIES = 3;
export const CATEGORIES = ["coding", "math", "science", "computer_use", "general"];
export const MODELS = ["gpt-5.4", "gpt-5.4-mini", "claude-opus-4.6", "claude-sonnet-4.6", "claude-haiku-4.5", "gemini-3-pro", "gemini-3-flash", "deepseek-v3.2", "glm-5", "qwen3-coder"];
/** A router sends each category to a few models: three per category here. */
export const MODELS_PER_CATEGORY = 3;

export interface LoadPlan {
  rows: number;
  days: number;
  now: Date;
  /** Share of the rows that belong to the big tenant; the rest is split over the small ones. */
  bigTenantShare: number;
}

/** Tenants, teams (two with budgets), keys (every third with a budget), policies. */
export async function createOwners(db: PrismaClient): Promise<void> {
  for (const id of [BIG_TENANT, ...SMALL_TENANTS]) {
    await db.tenant.create({ data: { id, name: id, slug: id } });
    await db.team.createMany({ data: Array.from({ length: TEAMS }, (_, i) => ({ id: `${id}-team-${i}`, tenantId: id, name: `Team ${i}`, monthlyBudgetUsd: i < 2 ? 5000 : null })) });
    await db.apiKey.createMany({
      data: Array.from({ length: KEYS }, (_, i) => ({
        id: `${id}-key-${i}`, tenantId: id, teamId: `${id}-team-${i % TEAMS}`, name: `Key ${i}`, prefix: `sy_${i}`, hash: `${id}-hash-${i}`,
        monthlyBudgetUsd: i % 3 === 0 ? 800 : null,
      })),
    });
  }
}

/**
 * Inserts the request rows in chunks (progress, bounded transactions). The secondary indexes
 * are dropped first and recreated from their own definitions afterwards: one index build is
 * several times faster than maintaining four indexes row by row, and the schema ends the same.
 */
export async function insertRequestRows(db: PrismaClient, plan: LoadPlan, onProgress: (done: number) => void): Promise<void> {
  const indexes = await db.$queryRawUnsafe<{ name: string; definition: string }[]>(
    `SELECT indexname::text AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'RequestLog' AND indexname <> 'RequestLog_pkey'`,
  );
  for (const index of indexes) await db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  const chunk = 500_000;
  const smallRows = Math.floor((plan.rows * (1 - plan.bigTenantShare)) / SMALL_TENANTS.length);
  const spanSeconds = plan.days * 86_400;
  await db.$executeRawUnsafe(`SELECT setseed(0.42)`);
  for (let start = 1; start <= plan.rows; start += chunk) {
    const end = Math.min(plan.rows, start + chunk - 1);
    // Row g: tenant by position, then pseudo-random dimensions from random(). The key decides
    // team and policy (as in real use); the category decides which few models can serve it.
    // Difficulty, the router's token estimate, max_tokens and the classifier's own confidence
    // vary, so that the what-if benchmark replays varied requests.
    await db.$executeRawUnsafe(`
      INSERT INTO "RequestLog" ("id", "tenantId", "apiKeyId", "teamId", "policyId", "endpoint", "requestedModel",
        "category", "categorySource", "confidence", "difficulty", "estimatedInputTokens", "maxOutputTokens", "classifierCategory",
        "classifierConfidence", "chosenModel", "provider", "fallbackCount",
        "inputTokens", "outputTokens", "costUsd", "baselineCostUsd", "latencyMs", "ttftMs", "cacheHit", "stream",
        "simulated", "status", "errorClass", "createdAt")
      SELECT 'req-' || g, t.tenant, t.tenant || '-key-' || k, t.tenant || '-team-' || (k % ${TEAMS}), t.tenant || '-policy-' || (k % ${POLICIES}),
        'openai', 'auto', (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(",")}])[c + 1], 'classifier', conf, r4,
        greatest(1, round(tin * (0.85 + r5 * 0.3)))::int, CASE WHEN r5 < 0.1 THEN 256 ELSE NULL END,
        (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(",")}])[c + 1], conf,
        (ARRAY[${MODELS.map((m) => `'${m}'`).join(",")}])[((c * 2 + m) % ${MODELS.length}) + 1], 'openai',
        CASE WHEN r1 < 0.04 THEN 1 ELSE 0 END, tin, tout,
        CASE WHEN r2 < 0.01 THEN NULL ELSE round((tin * 0.000001 + tout * 0.000004) * (1 + m)::numeric, 8) END,
        round((tin * 0.000005 + tout * 0.000015)::numeric, 8),
        lat, CASE WHEN r3 < 0.5 THEN (lat * 0.3)::int ELSE NULL END, r1 > 0.92, r3 < 0.5, true,
        CASE WHEN r2 > 0.985 THEN 502 ELSE 200 END, CASE WHEN r2 > 0.985 THEN 'upstream' ELSE NULL END,
        $1::timestamp - make_interval(secs => floor(random() * ${spanSeconds}))
      FROM generate_series(${start}, ${end}) AS g
      CROSS JOIN LATERAL (SELECT
        CASE WHEN g <= ${plan.rows - smallRows * SMALL_TENANTS.length} THEN '${BIG_TENANT}'
          ELSE (ARRAY[${SMALL_TENANTS.map((t) => `'${t}'`).join(",")}])[((g - 1) % ${SMALL_TENANTS.length}) + 1] END AS tenant,
        floor(random() * ${KEYS})::int AS k, floor(random() * ${CATEGORIES.length})::int AS c,
        floor(random() * ${MODELS_PER_CATEGORY})::int AS m, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
        0.5 + random() * 0.5 AS conf,
        (100 + floor(random() * 3000))::int AS tin, (20 + floor(random() * 900))::int AS tout,
        (30 + floor(exp(random() * 8.5)))::int AS lat) t`, plan.now);
    onProgress(end);
  }
  for (const index of indexes) await db.$executeRawUnsafe(index.definition);
}

/** Hourly and daily rollups of every request row, with the usage writer's SQL. */
export async function buildRollups(db: PrismaClient): Promise<void> {
  for (const grain of ["hour", "day"] as const) {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      await tx.$executeRawUnsafe(upsertRollupsFromSql(`"RequestLog"`, grain));
    }, { timeout: 60 * 60_000 });
  }
  for (const table of ["UsageRollup", "UsageRollupDaily", "RequestLog"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
}

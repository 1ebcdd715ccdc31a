-- Daily usage rollups: the same aggregates as "UsageRollup" per UTC day, so that dashboard
-- views over weeks or months read whole days instead of every hour.
CREATE TABLE "UsageRollupDaily" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "category" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "teamId" TEXT NOT NULL DEFAULT '',
    "apiKeyId" TEXT NOT NULL DEFAULT '',
    "policyId" TEXT NOT NULL DEFAULT '',
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "cacheHits" INTEGER NOT NULL DEFAULT 0,
    "fallbacks" INTEGER NOT NULL DEFAULT 0,
    "unpriced" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
    "baselineCostUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
    "latencySumMs" BIGINT NOT NULL DEFAULT 0,
    "ttftSumMs" BIGINT NOT NULL DEFAULT 0,
    "ttftCount" INTEGER NOT NULL DEFAULT 0,
    "latencyHistogram" INTEGER[],
    "ttftHistogram" INTEGER[],

    CONSTRAINT "UsageRollupDaily_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UsageRollupDaily_tenantId_day_category_model_teamId_apiKeyI_key" ON "UsageRollupDaily"("tenantId", "day", "category", "model", "teamId", "apiKeyId", "policyId");

-- AddForeignKey
ALTER TABLE "UsageRollupDaily" ADD CONSTRAINT "UsageRollupDaily_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the request rows, with the usage writer's rollup SQL (server/usage/rollup-sql.ts).
INSERT INTO "UsageRollupDaily" ("tenantId", "day", "category", "model", "teamId", "apiKeyId", "policyId",
  "requests", "errors", "cacheHits", "fallbacks", "unpriced", "inputTokens", "outputTokens",
  "costUsd", "baselineCostUsd", "latencySumMs", "ttftSumMs", "ttftCount", "latencyHistogram", "ttftHistogram")
SELECT r."tenantId", date_trunc('day', r."createdAt"), coalesce(r."category", ''), coalesce(r."chosenModel", ''),
  coalesce(r."teamId", ''), coalesce(r."apiKeyId", ''), coalesce(r."policyId", ''),
  count(*)::int,
  count(*) FILTER (WHERE r."status" >= 400)::int,
  count(*) FILTER (WHERE r."cacheHit")::int,
  count(*) FILTER (WHERE r."fallbackCount" > 0)::int,
  count(*) FILTER (WHERE r."costUsd" IS NULL AND r."status" < 400)::int,
  coalesce(sum(r."inputTokens"), 0)::bigint,
  coalesce(sum(r."outputTokens"), 0)::bigint,
  coalesce(sum(r."costUsd"), 0),
  coalesce(sum(r."baselineCostUsd"), 0),
  coalesce(sum(r."latencyMs"), 0)::bigint,
  coalesce(sum(r."ttftMs"), 0)::bigint,
  count(r."ttftMs")::int,
  ARRAY[count(*) FILTER (WHERE r."latencyMs" < 25)::int, count(*) FILTER (WHERE r."latencyMs" >= 25 AND r."latencyMs" < 50)::int, count(*) FILTER (WHERE r."latencyMs" >= 50 AND r."latencyMs" < 100)::int, count(*) FILTER (WHERE r."latencyMs" >= 100 AND r."latencyMs" < 150)::int, count(*) FILTER (WHERE r."latencyMs" >= 150 AND r."latencyMs" < 200)::int, count(*) FILTER (WHERE r."latencyMs" >= 200 AND r."latencyMs" < 300)::int, count(*) FILTER (WHERE r."latencyMs" >= 300 AND r."latencyMs" < 400)::int, count(*) FILTER (WHERE r."latencyMs" >= 400 AND r."latencyMs" < 500)::int, count(*) FILTER (WHERE r."latencyMs" >= 500 AND r."latencyMs" < 750)::int, count(*) FILTER (WHERE r."latencyMs" >= 750 AND r."latencyMs" < 1000)::int, count(*) FILTER (WHERE r."latencyMs" >= 1000 AND r."latencyMs" < 1500)::int, count(*) FILTER (WHERE r."latencyMs" >= 1500 AND r."latencyMs" < 2000)::int, count(*) FILTER (WHERE r."latencyMs" >= 2000 AND r."latencyMs" < 3000)::int, count(*) FILTER (WHERE r."latencyMs" >= 3000 AND r."latencyMs" < 4000)::int, count(*) FILTER (WHERE r."latencyMs" >= 4000 AND r."latencyMs" < 5000)::int, count(*) FILTER (WHERE r."latencyMs" >= 5000 AND r."latencyMs" < 7500)::int, count(*) FILTER (WHERE r."latencyMs" >= 7500 AND r."latencyMs" < 10000)::int, count(*) FILTER (WHERE r."latencyMs" >= 10000 AND r."latencyMs" < 15000)::int, count(*) FILTER (WHERE r."latencyMs" >= 15000 AND r."latencyMs" < 20000)::int, count(*) FILTER (WHERE r."latencyMs" >= 20000 AND r."latencyMs" < 30000)::int, count(*) FILTER (WHERE r."latencyMs" >= 30000 AND r."latencyMs" < 60000)::int, count(*) FILTER (WHERE r."latencyMs" >= 60000)::int],
  ARRAY[count(*) FILTER (WHERE r."ttftMs" < 25)::int, count(*) FILTER (WHERE r."ttftMs" >= 25 AND r."ttftMs" < 50)::int, count(*) FILTER (WHERE r."ttftMs" >= 50 AND r."ttftMs" < 100)::int, count(*) FILTER (WHERE r."ttftMs" >= 100 AND r."ttftMs" < 150)::int, count(*) FILTER (WHERE r."ttftMs" >= 150 AND r."ttftMs" < 200)::int, count(*) FILTER (WHERE r."ttftMs" >= 200 AND r."ttftMs" < 300)::int, count(*) FILTER (WHERE r."ttftMs" >= 300 AND r."ttftMs" < 400)::int, count(*) FILTER (WHERE r."ttftMs" >= 400 AND r."ttftMs" < 500)::int, count(*) FILTER (WHERE r."ttftMs" >= 500 AND r."ttftMs" < 750)::int, count(*) FILTER (WHERE r."ttftMs" >= 750 AND r."ttftMs" < 1000)::int, count(*) FILTER (WHERE r."ttftMs" >= 1000 AND r."ttftMs" < 1500)::int, count(*) FILTER (WHERE r."ttftMs" >= 1500 AND r."ttftMs" < 2000)::int, count(*) FILTER (WHERE r."ttftMs" >= 2000 AND r."ttftMs" < 3000)::int, count(*) FILTER (WHERE r."ttftMs" >= 3000 AND r."ttftMs" < 4000)::int, count(*) FILTER (WHERE r."ttftMs" >= 4000 AND r."ttftMs" < 5000)::int, count(*) FILTER (WHERE r."ttftMs" >= 5000 AND r."ttftMs" < 7500)::int, count(*) FILTER (WHERE r."ttftMs" >= 7500 AND r."ttftMs" < 10000)::int, count(*) FILTER (WHERE r."ttftMs" >= 10000 AND r."ttftMs" < 15000)::int, count(*) FILTER (WHERE r."ttftMs" >= 15000 AND r."ttftMs" < 20000)::int, count(*) FILTER (WHERE r."ttftMs" >= 20000 AND r."ttftMs" < 30000)::int, count(*) FILTER (WHERE r."ttftMs" >= 30000 AND r."ttftMs" < 60000)::int, count(*) FILTER (WHERE r."ttftMs" >= 60000)::int]
FROM "RequestLog" r
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT ("tenantId", "day", "category", "model", "teamId", "apiKeyId", "policyId") DO UPDATE SET
  "requests" = "UsageRollupDaily"."requests" + EXCLUDED."requests",
  "errors" = "UsageRollupDaily"."errors" + EXCLUDED."errors",
  "cacheHits" = "UsageRollupDaily"."cacheHits" + EXCLUDED."cacheHits",
  "fallbacks" = "UsageRollupDaily"."fallbacks" + EXCLUDED."fallbacks",
  "unpriced" = "UsageRollupDaily"."unpriced" + EXCLUDED."unpriced",
  "inputTokens" = "UsageRollupDaily"."inputTokens" + EXCLUDED."inputTokens",
  "outputTokens" = "UsageRollupDaily"."outputTokens" + EXCLUDED."outputTokens",
  "costUsd" = "UsageRollupDaily"."costUsd" + EXCLUDED."costUsd",
  "baselineCostUsd" = "UsageRollupDaily"."baselineCostUsd" + EXCLUDED."baselineCostUsd",
  "latencySumMs" = "UsageRollupDaily"."latencySumMs" + EXCLUDED."latencySumMs",
  "ttftSumMs" = "UsageRollupDaily"."ttftSumMs" + EXCLUDED."ttftSumMs",
  "ttftCount" = "UsageRollupDaily"."ttftCount" + EXCLUDED."ttftCount",
  "latencyHistogram" = ARRAY(SELECT a + b FROM unnest("UsageRollupDaily"."latencyHistogram", EXCLUDED."latencyHistogram") AS t(a, b)),
  "ttftHistogram" = ARRAY(SELECT a + b FROM unnest("UsageRollupDaily"."ttftHistogram", EXCLUDED."ttftHistogram") AS t(a, b));

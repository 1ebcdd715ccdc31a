-- Implicit signals are counted in the usage rollups, next to the requests they are rates of,
-- instead of as learning events folded into TenantLearning (whose counts covered flagged answers only).
ALTER TABLE "UsageRollup" ADD COLUMN "emptyAnswers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "refusals" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "truncations" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "UsageRollupDaily" ADD COLUMN "emptyAnswers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "refusals" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "truncations" INTEGER NOT NULL DEFAULT 0;

-- Fill the new columns for the rollups already written, from the request rows still kept.
UPDATE "UsageRollup" u SET "emptyAnswers" = s.empty, "refusals" = s.refusal, "truncations" = s.truncated
FROM (
  SELECT r."tenantId", date_trunc('hour', r."createdAt") AS t, coalesce(r."category", '') AS category, coalesce(r."chosenModel", '') AS model,
    coalesce(r."teamId", '') AS "teamId", coalesce(r."apiKeyId", '') AS "apiKeyId", coalesce(r."policyId", '') AS "policyId",
    count(*) FILTER (WHERE 'empty' = ANY(r."signals"))::int AS empty,
    count(*) FILTER (WHERE 'refusal' = ANY(r."signals"))::int AS refusal,
    count(*) FILTER (WHERE 'truncated' = ANY(r."signals"))::int AS truncated
  FROM "RequestLog" r
  WHERE cardinality(r."signals") > 0
  GROUP BY 1, 2, 3, 4, 5, 6, 7
) s
WHERE u."tenantId" = s."tenantId" AND u."hour" = s.t AND u."category" = s.category AND u."model" = s.model
  AND u."teamId" = s."teamId" AND u."apiKeyId" = s."apiKeyId" AND u."policyId" = s."policyId";

UPDATE "UsageRollupDaily" u SET "emptyAnswers" = s.empty, "refusals" = s.refusal, "truncations" = s.truncated
FROM (
  SELECT r."tenantId", date_trunc('day', r."createdAt") AS t, coalesce(r."category", '') AS category, coalesce(r."chosenModel", '') AS model,
    coalesce(r."teamId", '') AS "teamId", coalesce(r."apiKeyId", '') AS "apiKeyId", coalesce(r."policyId", '') AS "policyId",
    count(*) FILTER (WHERE 'empty' = ANY(r."signals"))::int AS empty,
    count(*) FILTER (WHERE 'refusal' = ANY(r."signals"))::int AS refusal,
    count(*) FILTER (WHERE 'truncated' = ANY(r."signals"))::int AS truncated
  FROM "RequestLog" r
  WHERE cardinality(r."signals") > 0
  GROUP BY 1, 2, 3, 4, 5, 6, 7
) s
WHERE u."tenantId" = s."tenantId" AND u."day" = s.t AND u."category" = s.category AND u."model" = s.model
  AND u."teamId" = s."teamId" AND u."apiKeyId" = s."apiKeyId" AND u."policyId" = s."policyId";

-- The signal counts move to the rollups, so queued signal events have nothing left to fold into.
DELETE FROM "LearningEvent" WHERE "kind" = 'signal';
ALTER TABLE "TenantLearning" DROP COLUMN "signals";

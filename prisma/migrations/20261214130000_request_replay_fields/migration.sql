-- What the router saw that replaying a request under another policy needs (NULL on older rows).
ALTER TABLE "RequestLog" ADD COLUMN "estimatedInputTokens" INTEGER,
ADD COLUMN "maxOutputTokens" INTEGER,
ADD COLUMN "forcedCategory" TEXT,
ADD COLUMN "classifierCategory" TEXT,
ADD COLUMN "classifierConfidence" DOUBLE PRECISION;

-- The what-if summary shown when the version was saved (NULL for versions saved without one).
ALTER TABLE "RoutingPolicyVersion" ADD COLUMN "whatIf" JSONB;

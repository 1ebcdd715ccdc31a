-- Optional storage of prompts and answers, per policy (off by default).
ALTER TABLE "RoutingPolicy" ADD COLUMN "storeBodiesMaxBytes" INTEGER;

CREATE TABLE "RequestBody" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "prompt" JSONB NOT NULL,
    "answer" TEXT,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "RequestBody_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RequestBody_tenantId_createdAt_idx" ON "RequestBody"("tenantId", "createdAt" DESC);

-- A body goes with its request row: whatever removes old logs removes their bodies too.
ALTER TABLE "RequestBody" ADD CONSTRAINT "RequestBody_id_fkey" FOREIGN KEY ("id") REFERENCES "RequestLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Text search over stored bodies: a trigram index answers ILIKE '%term%' without reading every
-- body of the time window (see server/console/logs/search-logs.ts). Its expression must match
-- the query's exactly, so both name it the same way.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "RequestBody_text_trgm_idx" ON "RequestBody" USING GIN (("prompt"::text || ' ' || coalesce("answer", '')) gin_trgm_ops);

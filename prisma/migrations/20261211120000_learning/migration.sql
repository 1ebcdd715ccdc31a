-- Routing that learns: evidence waiting to be folded, each tenant's learned state, evaluations,
-- the evaluation settings of rules and tenants, and what the request log keeps for learning.
ALTER TABLE "Tenant" ADD COLUMN "evaluationBudgetUsd" DECIMAL(14,4);

ALTER TABLE "PolicyRule" ADD COLUMN "evaluationShare" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "judgeModel" TEXT;

ALTER TABLE "RequestLog" ADD COLUMN "finishReason" TEXT,
ADD COLUMN "signals" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "features" JSONB;

CREATE TABLE "LearningEvent" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "LearningEvent_tenantId_id_idx" ON "LearningEvent"("tenantId", "id");
ALTER TABLE "LearningEvent" ADD CONSTRAINT "LearningEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TenantLearning" (
    "tenantId" TEXT NOT NULL,
    "profiles" JSONB NOT NULL DEFAULT '{}',
    "difficulty" JSONB,
    "categories" JSONB,
    "signals" JSONB NOT NULL DEFAULT '{}',
    "folded" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantLearning_pkey" PRIMARY KEY ("tenantId")
);
ALTER TABLE "TenantLearning" ADD CONSTRAINT "TenantLearning_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "servedModel" TEXT NOT NULL,
    "challengerModel" TEXT NOT NULL,
    "judgeModel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "servedWins" DOUBLE PRECISION,
    "costUsd" DECIMAL(18,8),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Evaluation_tenantId_createdAt_idx" ON "Evaluation"("tenantId", "createdAt" DESC);
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

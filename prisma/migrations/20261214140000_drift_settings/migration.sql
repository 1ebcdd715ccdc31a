-- Drift alerts: the tenant's thresholds (null = defaults) and the catalog prices the alerts job saw last.
ALTER TABLE "Tenant" ADD COLUMN "driftSettings" JSONB;
ALTER TABLE "Tenant" ADD COLUMN "driftPriceSnapshot" JSONB;

-- The drift check reads the last 8 days' feedback of every tenant.
CREATE INDEX "Feedback_tenantId_createdAt_idx" ON "Feedback"("tenantId", "createdAt");

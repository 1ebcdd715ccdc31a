-- One feedback record per request and key: sending feedback again updates it. Duplicates sent
-- before this constraint existed keep their latest record.
DELETE FROM "Feedback" AS older
USING "Feedback" AS newer
WHERE older."tenantId" = newer."tenantId"
  AND older."requestId" = newer."requestId"
  AND older."apiKeyId" = newer."apiKeyId"
  AND (older."createdAt", older."id") < (newer."createdAt", newer."id");

-- The unique index serves the lookups by (tenantId, requestId) that the dropped index did.
DROP INDEX "Feedback_tenantId_requestId_idx";

CREATE UNIQUE INDEX "Feedback_tenantId_requestId_apiKeyId_key" ON "Feedback"("tenantId", "requestId", "apiKeyId");

-- Audit entries of the admin API name the admin key that acted (no user is signed in).
ALTER TABLE "AuditLog" ADD COLUMN "actorApiKeyId" TEXT;

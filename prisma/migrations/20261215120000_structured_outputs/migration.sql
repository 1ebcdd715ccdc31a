-- Models that cannot answer in JSON following a caller's JSON schema are left out of such requests.
ALTER TABLE "Model" ADD COLUMN "structuredOutputs" BOOLEAN NOT NULL DEFAULT true;

-- The built-in GLM-5 entry: its API has a JSON mode but does not enforce a schema.
UPDATE "Model" SET "structuredOutputs" = false WHERE "tenantId" IS NULL AND "slug" = 'glm-5';

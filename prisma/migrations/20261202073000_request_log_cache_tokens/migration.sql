-- The prompt-cache share of each request's input (nullable: no table rewrite, and rows written
-- before, or kept on disk while the database was away, stay valid).
ALTER TABLE "RequestLog" ADD COLUMN "cachedInputTokens" INTEGER;
ALTER TABLE "RequestLog" ADD COLUMN "cacheWriteTokens" INTEGER;

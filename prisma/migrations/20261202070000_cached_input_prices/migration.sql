-- Prompt-cache prices per 1M input tokens: cached reads and cache writes (NULL = the input price).
ALTER TABLE "Model" ADD COLUMN "cachedInputPricePerMTok" DECIMAL(12,4);
ALTER TABLE "Model" ADD COLUMN "cacheWritePricePerMTok" DECIMAL(12,4);

-- Published ratios for the built-in catalog: cached reads at a tenth of the input price, and
-- 5-minute cache writes of the Anthropic models at 1.25 times it.
UPDATE "Model" SET "cachedInputPricePerMTok" = "inputPricePerMTok" * 0.1
  WHERE "tenantId" IS NULL AND "slug" IN ('gpt-5.4', 'claude-opus-4.6', 'claude-sonnet-4.6', 'gemini-3.1-pro', 'gemini-3-flash');
UPDATE "Model" SET "cacheWritePricePerMTok" = "inputPricePerMTok" * 1.25
  WHERE "tenantId" IS NULL AND "slug" IN ('claude-opus-4.6', 'claude-sonnet-4.6');

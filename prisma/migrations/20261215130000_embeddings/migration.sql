-- What a catalog model does: "chat" (every existing row) or "embedding" (POST /v1/embeddings only).
-- The built-in embedding models are added by the catalog seed, as every built-in model is.
ALTER TABLE "Model" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'chat';

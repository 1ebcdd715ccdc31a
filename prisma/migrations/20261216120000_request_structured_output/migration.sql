-- Whether a routed request asked for JSON following a schema: a what-if must leave out the
-- models that cannot follow one, as routing did. NULL on older rows (read as no).
ALTER TABLE "RequestLog" ADD COLUMN "needsStructuredOutput" BOOLEAN;

-- A dashboard query reads the few thousand daily rows of one tenant through the unique index
-- in milliseconds. A parallel sequential scan of the whole table (which the planner picks for
-- the histogram sums) costs more in worker start-up and skipped rows than it saves.
-- (No semicolons in these comments: the migration runner splits the script on them.)
ALTER TABLE "UsageRollupDaily" SET (parallel_workers = 0);

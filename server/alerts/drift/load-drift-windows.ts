/**
 * What the drift check reads for one tenant: per model and category, the recent and reference
 * windows' counts and latency histograms from the rollups (daily rows for whole days), the spread
 * of hourly tokens and cost per request (also from the rollups), and the quality evidence
 * (feedback scores joined to their requests, judged evaluations), at most EVIDENCE_CAP rows of
 * each per window. Four grouped queries whose answers have a few rows per model and category,
 * whatever the traffic.
 */
import { Prisma } from "../../db/generated/client";
import { rollupRowsSql, summedHistogramSql, type RollupColumn } from "../../analytics/rollup-query-parts";
import type { DriftSettings } from "../../console/schemas/drift-settings";
import { LATENCY_BUCKET_COUNT } from "../../usage/latency-buckets";
import type { SeriesWindows, WindowStats } from "./detect-drift";
import { seriesKey, type DriftWindows } from "./plan-drift-alerts";
import { NO_MOMENTS, type Moments } from "./significance";

type Tx = Prisma.TransactionClient;

const HOUR_MS = 3_600_000;
/** Most feedback scores, and most judged evaluations, read per window. */
const EVIDENCE_CAP = 10_000;
const SUMMED_COLUMNS: RollupColumn[] = ["model", "category", "requests", "errors", "fallbacks", "emptyAnswers", "refusals", "truncations", "latencyHistogram", "ttftHistogram"];

/** The recent window ends with the current hour (its rollup row is still growing); the reference is the days before it. */
export function driftWindows(now: Date, settings: DriftSettings): DriftWindows {
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const recentFrom = new Date(to.getTime() - settings.recentHours * HOUR_MS);
  const referenceFrom = new Date(recentFrom.getTime() - settings.referenceDays * 24 * HOUR_MS);
  return { referenceFrom, recentFrom, to };
}

const emptyWindow = (): WindowStats => ({
  requests: 0, errors: 0, fallbacks: 0, badAnswers: 0,
  latencyHistogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0), ttftHistogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
  hourlyTokensPerRequest: NO_MOMENTS, hourlyCostPerRequest: NO_MOMENTS, feedback: NO_MOMENTS, judged: NO_MOMENTS,
});

interface Keyed { model: string; category: string; recent: boolean }
type MomentRow = Keyed & { n: number; sum: number | null; sumSq: number | null };
const moments = (r: { n: number; sum: number | null; sumSq: number | null }): Moments => ({ n: Number(r.n), sum: Number(r.sum ?? 0), sumSq: Number(r.sumSq ?? 0) });

export async function loadDriftWindows(tx: Tx, tenantId: string, w: DriftWindows, evidenceCap = EVIDENCE_CAP): Promise<SeriesWindows[]> {
  // Whole days of the reference window come from the daily rollups (24 times fewer rows), as the dashboard reads them.
  const rows = (from: Date, to: Date) => rollupRowsSql({ tenantId }, from, to, {}, SUMMED_COLUMNS);
  const sums = await tx.$queryRaw<(Keyed & { requests: number; errors: number; fallbacks: number; badAnswers: number; latencyHistogram: number[]; ttftHistogram: number[] })[]>`
    SELECT "model", "category", "recent",
      sum("requests")::float8 AS "requests", sum("errors")::float8 AS "errors", sum("fallbacks")::float8 AS "fallbacks",
      sum(LEAST("emptyAnswers" + "refusals" + "truncations", "requests"))::float8 AS "badAnswers",
      ${summedHistogramSql("latencyHistogram")} AS "latencyHistogram", ${summedHistogramSql("ttftHistogram")} AS "ttftHistogram"
    FROM (
      SELECT true AS "recent", r.* FROM (${rows(w.recentFrom, w.to)}) r
      UNION ALL SELECT false AS "recent", r.* FROM (${rows(w.referenceFrom, w.recentFrom)}) r
    ) x
    WHERE "model" <> ''
    GROUP BY 1, 2, 3`;
  const range = Prisma.sql`"tenantId" = ${tenantId} AND "hour" >= ${w.referenceFrom} AND "hour" < ${w.to} AND "model" <> ''`;
  // Per hour first (a rollup row is one team, key and policy), then the hourly means' moments.
  // Priced requests: the unpriced and the failed ones carry no cost.
  const hourly = await tx.$queryRaw<(Keyed & { tokenHours: number; tokenSum: number | null; tokenSumSq: number | null; costHours: number; costSum: number | null; costSumSq: number | null })[]>`
    WITH h AS (
      SELECT "model", "category", "hour", sum("requests")::float8 AS n, sum("requests" - "unpriced" - "errors")::float8 AS priced,
        sum("inputTokens" + "outputTokens")::float8 AS tokens, sum("costUsd")::float8 AS cost
      FROM "UsageRollup" WHERE ${range}
      GROUP BY 1, 2, 3
    )
    SELECT "model", "category", "hour" >= ${w.recentFrom} AS "recent",
      count(*) FILTER (WHERE n > 0)::int AS "tokenHours", sum(tokens / n) FILTER (WHERE n > 0) AS "tokenSum", sum((tokens / n) ^ 2) FILTER (WHERE n > 0) AS "tokenSumSq",
      count(*) FILTER (WHERE priced > 0)::int AS "costHours", sum(cost / priced) FILTER (WHERE priced > 0) AS "costSum", sum((cost / priced) ^ 2) FILTER (WHERE priced > 0) AS "costSumSq"
    FROM h GROUP BY 1, 2, 3`;
  // Evidence is read row by row, so each window reads at most the newest `evidenceCap` rows of each
  // kind (by its time index): a sample, unbiased across models, that bounds the work whatever the
  // traffic. Feedback counts in the window it was given (most comes minutes after its request).
  const feedback = await tx.$queryRaw<MomentRow[]>`
    WITH f AS (
      (SELECT "requestId", "score", true AS "recent" FROM "Feedback"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${w.recentFrom} AND "createdAt" < ${w.to} ORDER BY "createdAt" DESC LIMIT ${evidenceCap})
      UNION ALL
      (SELECT "requestId", "score", false AS "recent" FROM "Feedback"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${w.referenceFrom} AND "createdAt" < ${w.recentFrom} ORDER BY "createdAt" DESC LIMIT ${evidenceCap})
    )
    SELECT r."chosenModel" AS "model", coalesce(r."category", '') AS "category", f."recent",
      count(*)::int AS "n", sum(f."score")::float8 AS "sum", sum(f."score" * f."score")::float8 AS "sumSq"
    FROM f JOIN "RequestLog" r ON r."id" = f."requestId" AND r."tenantId" = ${tenantId}
    WHERE r."chosenModel" IS NOT NULL
    GROUP BY 1, 2, 3`;
  const judged = await tx.$queryRaw<MomentRow[]>`
    WITH e AS (
      (SELECT "servedModel", "category", "servedWins", true AS "recent" FROM "Evaluation"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${w.recentFrom} AND "createdAt" < ${w.to} AND "status" = 'ok' AND "servedWins" IS NOT NULL
        ORDER BY "createdAt" DESC LIMIT ${evidenceCap})
      UNION ALL
      (SELECT "servedModel", "category", "servedWins", false AS "recent" FROM "Evaluation"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${w.referenceFrom} AND "createdAt" < ${w.recentFrom} AND "status" = 'ok' AND "servedWins" IS NOT NULL
        ORDER BY "createdAt" DESC LIMIT ${evidenceCap})
    )
    SELECT "servedModel" AS "model", "category", "recent",
      count(*)::int AS "n", sum("servedWins")::float8 AS "sum", sum("servedWins" * "servedWins")::float8 AS "sumSq"
    FROM e GROUP BY 1, 2, 3`;

  const series = new Map<string, SeriesWindows>();
  const windowOf = (r: Keyed, create: boolean): WindowStats | undefined => {
    const key = seriesKey(r.model, r.category);
    let s = series.get(key);
    if (!s && create) series.set(key, (s = { model: r.model, category: r.category, recent: emptyWindow(), reference: emptyWindow() }));
    return s ? (r.recent ? s.recent : s.reference) : undefined;
  };
  for (const r of sums) {
    Object.assign(windowOf(r, true)!, {
      requests: r.requests, errors: r.errors, fallbacks: r.fallbacks, badAnswers: r.badAnswers,
      latencyHistogram: r.latencyHistogram.map(Number), ttftHistogram: r.ttftHistogram.map(Number),
    });
  }
  // Evidence only counts for a model and category with traffic in the rollups.
  for (const r of hourly) {
    const win = windowOf(r, false);
    if (!win) continue;
    win.hourlyTokensPerRequest = moments({ n: r.tokenHours, sum: r.tokenSum, sumSq: r.tokenSumSq });
    win.hourlyCostPerRequest = moments({ n: r.costHours, sum: r.costSum, sumSq: r.costSumSq });
  }
  for (const r of feedback) {
    const win = windowOf(r, false);
    if (win) win.feedback = moments(r);
  }
  for (const r of judged) {
    const win = windowOf(r, false);
    if (win) win.judged = moments(r);
  }
  return [...series.values()];
}

/**
 * Replay with a static estimator that never saw the replayed source:
 *
 *   npx tsx bench/routing/replay-held-out.ts [DATA_DIR] [--seeds 1,2,3] [--limit 1000] [--evaluate-share 0.05]
 *                                            [--learner '{"sparseScale":0.3}'] [--sources a,b]
 *
 * The shipped difficulty artefact is trained on every source of outcomes, so `npm run -s replay`
 * on one of them measures the static estimate in-sample. Here, for each source S, the estimator is
 * refitted on the other sources with the shipped settings (shared questions removed) and put in
 * place of the shipped one for the replay of S; the learned difficulty then starts from an estimate
 * that has never seen S, as it would on a tenant's traffic. Prints one JSON line per source and seed,
 * then a Markdown table of the second half's APGR with each source's mean and standard error over
 * the seeds (one order's second half is 500 rows: seeds differ by several points, so compare means).
 */
import { createRandom } from "../../server/random/mulberry32";
import { getDifficultyModel } from "../../server/routing/load-model";
import { DEFAULT_LEARNER_OPTIONS } from "../../server/routing/learning/learned-difficulty";
import { replayTraffic } from "../../server/routing/learning/replay-traffic";
import { cachedFeatures, DEFAULT_DIFFICULTY_OPTIONS, quantilesOf } from "../../server/routing/training/build-difficulty";
import { fitDifficulty, heldOutSplit, rawDifficultyScore } from "../../server/routing/training/loso-difficulty";
import { shuffledIndices } from "../../server/routing/training/seeded-random";
import { difficultyBenchInput } from "./difficulty-bench-input";

const input = difficultyBenchInput();
const { opt } = input;
const seeds = (opt("--seeds") ?? "1,2,3").split(",").map(Number);
const limit = Number(opt("--limit") ?? 1000);
const evaluateShare = Number(opt("--evaluate-share") ?? 0.05);
const learner = { ...DEFAULT_LEARNER_OPTIONS, ...(JSON.parse(opt("--learner") ?? "{}") as object) };

const rows = input.rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sources = opt("--sources")?.split(",") ?? [...new Set(rows.map((r) => r.source))].sort();
const features = cachedFeatures();

const model = getDifficultyModel();
const table: string[] = [];
for (const s of sources) {
  const { test, train } = heldOutSplit(rows, s);
  const weights = fitDifficulty(train, features, DEFAULT_DIFFICULTY_OPTIONS);
  // route() reads the process-wide model: swap in the held-out fit for this source's replays.
  model.weights = weights;
  model.quantiles = quantilesOf(train.map((r) => rawDifficultyScore(weights, features(r))));
  const learned: number[] = [];
  const statics: number[] = [];
  for (const seed of seeds) {
    const order = shuffledIndices(test.length, createRandom(seed));
    const played = Array.from(order, (i) => test[i]!).slice(0, limit);
    const result = replayTraffic(played, { evaluateShare, seed, learner });
    const { windows: _windows, profiles: _profiles, ...summary } = result as typeof result & { windows?: unknown; profiles?: unknown };
    console.log(JSON.stringify({ source: s, trainRows: train.length, ...summary }));
    learned.push(result.apgr_second_half);
    statics.push(result.apgr_second_half_static);
  }
  const list = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(" / ");
  table.push(`| ${s} | ${Math.min(limit, test.length)} | ${list(learned)} | ${meanAndError(learned)} | ${list(statics)} | ${meanAndError(statics)} |`);
}
console.log(
  `\n| source | rows | APGR 2nd half, learned (seeds ${seeds.join(" / ")}) | mean ± s.e. | static, held out (same rows) | mean ± s.e. |\n|---|---:|---|---|---|---|\n${table.join("\n")}`,
);

/** "mean ± standard error of the mean" over the seeds (no error with one seed). */
function meanAndError(xs: number[]): string {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  if (xs.length < 2) return mean.toFixed(3);
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return `${mean.toFixed(3)} ± ${Math.sqrt(variance / xs.length).toFixed(3)}`;
}

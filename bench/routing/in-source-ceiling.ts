/**
 * How well can anything rank a source's difficulty? In-source ceilings for the replay target:
 *
 *   npx tsx bench/routing/in-source-ceiling.ts [DATA_DIR] [--sources a,b] [--folds 5]
 *
 * The learned difficulty sees one tenant's rows and a few hundred outcomes. This asks a more generous
 * question of each source: with K-fold cross-validation inside the source (every fold's model trained
 * on the other (K−1)/K of that source's rows, all outcomes known), what APGR do
 *  - the static estimator's features (hashed n-grams and dense cues, the shipped fitting settings),
 *  - the dense cues alone,
 *  - the subject oracle: each row scored by its subject's mean gap (strong − weak correct) in the
 *    training folds. The subject is the dataset's own label (`subset`, or the subject in the id of
 *    routellm_mmlu's rows), which a prompt does not carry; a semantic representation of the prompt
 *    can at best recover it,
 *  - the oracle and the features together (mean of their ranks),
 * reach? A target above all four cannot be met by a better representation of the prompt, only by
 * information the prompt does not hold. Deterministic (folds by row order of the file). Prints one
 * JSON line per source and a Markdown table.
 */
import { cachedFeatures, DEFAULT_DIFFICULTY_OPTIONS } from "../../server/routing/training/build-difficulty";
import { fitDifficulty, rawDifficultyScore, type SourcedDifficultyRow } from "../../server/routing/training/loso-difficulty";
import { computeApgr } from "../../server/routing/training/metrics";
import { difficultyBenchInput } from "./difficulty-bench-input";

type Row = SourcedDifficultyRow & { subset?: string };
type Scorer = (train: Row[]) => (row: Row) => number;

const { opt, rows } = difficultyBenchInput<Row>();
const folds = Number(opt("--folds") ?? 5);
const sources = opt("--sources")?.split(",") ?? [...new Set(rows.map((r) => r.source))].sort();
const features = cachedFeatures();

/** The dataset's subject of a row: its `subset`, else the id without the trailing row number. */
const subject = (r: Row): string => r.subset ?? r.id.slice(0, r.id.lastIndexOf("-"));

const fitted =
  (sparse: boolean): Scorer =>
  (train) => {
    // One source: no per-source intercepts to learn.
    const w = fitDifficulty(train, features, { ...DEFAULT_DIFFICULTY_OPTIONS, sourceIntercepts: false, sparse });
    return (r) => rawDifficultyScore(w, features(r));
  };

const subjectOracle: Scorer = (train) => {
  const sums = new Map<string, { gap: number; n: number }>();
  let total = 0;
  for (const r of train) {
    const s = sums.get(subject(r)) ?? { gap: 0, n: 0 };
    s.gap += r.strong_correct - r.weak_correct;
    s.n += 1;
    sums.set(subject(r), s);
    total += r.strong_correct - r.weak_correct;
  }
  const prior = total / train.length;
  // Shrunk toward the source's mean gap by one pseudo-row, so a subject seen twice is not extreme.
  return (r) => {
    const s = sums.get(subject(r));
    return s ? (s.gap + prior) / (s.n + 1) : prior;
  };
};

/** Ranks in [0, 1) (ties broken by position), so two scorers on different scales can be averaged. */
function ranks(xs: number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
  const r = new Array<number>(xs.length);
  order.forEach((i, k) => (r[i] = k / xs.length));
  return r;
}

const scorers: [string, (train: Row[], test: Row[]) => number[]][] = [
  ["features", (train, test) => test.map(fitted(true)(train))],
  ["dense cues", (train, test) => test.map(fitted(false)(train))],
  ["subject oracle", (train, test) => test.map(subjectOracle(train))],
  [
    "subject oracle + features",
    (train, test) => {
      const a = ranks(test.map(fitted(true)(train)));
      const b = ranks(test.map(subjectOracle(train)));
      return a.map((x, i) => x + b[i]!);
    },
  ],
];

const table: string[] = [];
for (const source of sources) {
  const own = rows.filter((r) => r.source === source);
  const result: Record<string, number> = {};
  for (const [name, score] of scorers) {
    let sum = 0;
    for (let k = 0; k < folds; k++) {
      const test = own.filter((_, i) => i % folds === k);
      const train = own.filter((_, i) => i % folds !== k);
      sum += computeApgr(score(train, test), test.map((r) => r.strong_correct), test.map((r) => r.weak_correct));
    }
    result[name] = sum / folds;
  }
  console.log(JSON.stringify({ source, rows: own.length, subjects: new Set(own.map(subject)).size, folds, ...result }));
  table.push(`| ${source} | ${own.length} | ${scorers.map(([name]) => result[name]!.toFixed(3)).join(" | ")} |`);
}
console.log(`\n| source | rows | ${scorers.map(([n]) => n).join(" | ")} |\n|---|---:|${scorers.map(() => "---:").join("|")}|\n${table.join("\n")}`);

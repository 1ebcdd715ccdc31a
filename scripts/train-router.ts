/**
 * Regenerates the routing model artefacts deterministically (same data -> byte-identical files).
 *
 *   npm run train:router                       # data from ../shared/data/routing (relative to the repo root)
 *   npm run train:router -- DATA_DIR           # a folder with train.jsonl, dev.jsonl, difficulty_train.jsonl
 *                                              # (and difficulty_extra.jsonl: more sources of outcomes)
 *   npm run -s train:router -- --loso          # leave-one-source-out: compare the candidate settings of
 *                                              # both models, print per-source figures as JSON, then train
 *                                              # the artefacts with the settings chosen (minimum over
 *                                              # sources first, then the mean; never one source's figure)
 *   npm run train:router -- FILE.jsonl --out my-classifier.json
 *                                              # tenant retrain: JSONL lines {"prompt", "category"}
 * Options: --out FILE (classifier), --difficulty-out FILE, --no-augment, --skip-difficulty,
 *          --skip-category (with --loso: difficulty only), --category-defaults-only (with --loso:
 *          measure the classifier's default settings without comparing candidates; each candidate
 *          costs one training per source, about 10 CPU-minutes on a 2-core VM)
 *          --fit-tokens: only refit the long-text token estimate (prints coefficients for
 *          server/routing/estimate-tokens.ts and its error on dev.jsonl; writes nothing)
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { augmentPrompts } from "../server/routing/training/augment-prompts";
import { trainClassifier, type LabelledRow } from "../server/routing/training/build-classifier";
import { cachedFeatures, compareLoso, DEFAULT_DIFFICULTY_OPTIONS, DIFFICULTY_CANDIDATES, trainDifficulty } from "../server/routing/training/build-difficulty";
import { losoDifficulty, type SourcedDifficultyRow } from "../server/routing/training/loso-difficulty";
import { CLASSIFIER_CANDIDATES, chooseClassifierOptions, featureCache, losoCategory } from "../server/routing/training/loso-category";
import { DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions } from "../server/routing/training/build-classifier";
import { fnv1a } from "../server/routing/training/metrics";
import { fitTokenEstimate, tokenEstimateError } from "../server/routing/training/fit-token-estimate";
import { estimateTokens } from "../server/routing/estimate-tokens";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv: string[]) {
  const args = {
    data: path.resolve(repoRoot, "../shared/data/routing"),
    out: "",
    difficultyOut: "",
    augment: true,
    skipDifficulty: false,
    skipCategory: false,
    fitTokens: false,
    loso: false,
    defaultsOnly: false,
    candidates: [] as number[],
    losoSources: [] as string[],
    epochs: 0,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--out") args.out = path.resolve(argv[++i] ?? "");
    else if (a === "--difficulty-out") args.difficultyOut = path.resolve(argv[++i] ?? "");
    else if (a === "--no-augment") args.augment = false;
    else if (a === "--skip-difficulty") args.skipDifficulty = true;
    else if (a === "--fit-tokens") args.fitTokens = true;
    else if (a === "--loso") args.loso = true;
    else if (a === "--skip-category") args.skipCategory = true;
    else if (a === "--category-defaults-only") args.defaultsOnly = true;
    else if (a === "--category-candidates") args.candidates = (argv[++i] ?? "").split(",").map(Number);
    else if (a === "--loso-sources") args.losoSources = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (a === "--epochs") args.epochs = Number(argv[++i]);
    else rest.push(a);
  }
  if (rest[0]) args.data = path.resolve(rest[0]);
  return args;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

function sha256(...files: string[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(readFileSync(f));
  return h.digest("hex");
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value)}\n`);
  console.error(`wrote ${path.relative(process.cwd(), file) || file} (${(statSync(file).size / 1024).toFixed(0)} KiB)`);
}

type Args = ReturnType<typeof parseArgs>;

/** A screening run compares settings quickly and never chooses what ships. */
function isScreening(args: Args): boolean {
  return args.candidates.length > 0 || args.losoSources.length > 0 || args.epochs > 0;
}

/** The classifier settings a --loso run compares (see the screening options above). */
function screenCandidates(args: Args): ClassifierOptions[] {
  const base = args.defaultsOnly ? [DEFAULT_CLASSIFIER_OPTIONS] : CLASSIFIER_CANDIDATES;
  const picked = args.candidates.length > 0 ? args.candidates.map((i) => CLASSIFIER_CANDIDATES[i]!) : base;
  if (picked.some((c) => c === undefined)) throw new Error(`--category-candidates takes indices 0..${CLASSIFIER_CANDIDATES.length - 1}`);
  return args.epochs > 0 ? picked.map((c) => ({ ...c, epochs: args.epochs })) : picked;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const modelDir = path.join(repoRoot, "server/routing/model");
  const out = args.out || path.join(modelDir, "classifier.json");
  const difficultyOut = args.difficultyOut || path.join(modelDir, "difficulty.json");

  if (statSync(args.data).isFile()) {
    // Tenant retrain: one JSONL file of {prompt, category}; 20 % (by hash of the prompt) calibrates.
    const rows = readJsonl<{ id?: string; prompt: string; category: string; source?: string }>(args.data)
      .filter((r) => typeof r.prompt === "string" && typeof r.category === "string")
      .map((r, i) => ({ id: r.id ?? `row-${i}`, prompt: r.prompt, category: r.category, source: r.source ?? "tenant" }))
      .sort((a, b) => (a.category + a.id < b.category + b.id ? -1 : 1));
    const isCal = (r: LabelledRow) => fnv1a(r.prompt) % 5 === 0;
    const train = rows.filter((r) => !isCal(r));
    const cal = rows.filter(isCal);
    const artefact = trainClassifier(train, cal, { sha256: sha256(args.data), augmentedRows: 0 });
    console.log(`tenant classifier: ${train.length} train rows, ${cal.length} calibration rows, labels ${artefact.labels.join(", ")}, T=${artefact.temperature}`);
    writeJson(out, artefact);
    return;
  }

  if (args.fitTokens) {
    // Calibrate on the training prompts (classifier and difficulty), check on dev.
    const prompts = ["train.jsonl", "difficulty_train.jsonl"]
      .map((f) => path.join(args.data, f))
      .filter((f) => existsSync(f))
      .flatMap((f) => readJsonl<{ prompt: string }>(f).map((r) => r.prompt));
    const coefficients = fitTokenEstimate(prompts);
    console.log(`token estimate coefficients: ${JSON.stringify(coefficients)}`);
    const devFile = path.join(args.data, "dev.jsonl");
    if (existsSync(devFile)) {
      const dev = readJsonl<{ prompt: string }>(devFile).map((r) => r.prompt);
      const e = tokenEstimateError(dev, (t) => estimateTokens(t, coefficients));
      console.log(`dev prompts over 200 chars: ${e.n}; relative error mean ${(e.mean * 100).toFixed(1)}%, p90 ${(e.p90 * 100).toFixed(1)}%, p99 ${(e.p99 * 100).toFixed(1)}%`);
    }
    return;
  }

  const trainFile = path.join(args.data, "train.jsonl");
  const devFile = path.join(args.data, "dev.jsonl");
  if (!existsSync(trainFile)) throw new Error(`no train.jsonl in ${args.data}`);
  const train = readJsonl<LabelledRow>(trainFile).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const dev = existsSync(devFile) ? readJsonl<LabelledRow>(devFile) : [];
  const augmented = args.augment ? augmentPrompts() : [];
  const diffFiles = ["difficulty_train.jsonl", "difficulty_extra.jsonl"].map((f) => path.join(args.data, f)).filter((f) => existsSync(f));
  const diffRows = diffFiles
    .flatMap((f) => readJsonl<SourcedDifficultyRow>(f))
    .map((r) => ({ ...r, source: r.source ?? "unknown" }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Leave-one-source-out selection: every candidate is scored on every source it was not trained on.
  let classifierOptions: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS;
  let difficultyOptions = DEFAULT_DIFFICULTY_OPTIONS;
  if (args.loso) {
    const report: Record<string, unknown> = { data: path.basename(args.data), deterministic: true };
    if (!args.skipDifficulty && diffRows.length > 0) {
      const features = cachedFeatures();
      const candidates = DIFFICULTY_CANDIDATES;
      const scored = candidates.map((options) => {
        const t = Date.now();
        const loso = losoDifficulty(diffRows, features, options);
        console.error(`difficulty candidate ${JSON.stringify(options)}: min ${loso.min}, mean ${loso.mean} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
        return { options, ...loso };
      });
      const best = [...scored].sort(compareLoso)[0]!;
      difficultyOptions = best.options;
      report.difficulty = { metric: "APGR (0.5 = random order)", target: "≥ 0.58 on every source", chosen: best, candidates: scored };
    }
    if (!args.skipCategory) {
      const features = featureCache();
      const candidates = screenCandidates(args);
      const sources = args.losoSources.length > 0 ? args.losoSources : undefined;
      const scored = candidates.map((options) => {
        const t = Date.now();
        const loso = losoCategory(train, dev, augmented, options, features, sources);
        console.error(`category candidate ${JSON.stringify(options)}: macro ${loso.macro}, min ${loso.min} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
        return { options, ...loso };
      });
      const best = chooseClassifierOptions(scored);
      classifierOptions = best.options;
      report.category = { metric: "accuracy", target: "macro ≥ 0.86, no source under 0.60", chosen: best, candidates: scored };
    }
    console.log(JSON.stringify(report, null, 2));
    if (isScreening(args)) {
      console.error("screening run (a subset of folds, candidates or epochs): no artefact written");
      return;
    }
  }

  if (!args.skipCategory) {
    const t0 = Date.now();
    const classifier = trainClassifier(
      [...train, ...augmented],
      dev,
      { sha256: sha256(trainFile, ...(dev.length ? [devFile] : [])), augmentedRows: augmented.length },
      classifierOptions,
    );
    console.error(`classifier: ${train.length} rows + ${augmented.length} synthetic, T=${classifier.temperature}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    writeJson(out, classifier);
  }

  if (!args.skipDifficulty && diffRows.length > 0) {
    const t1 = Date.now();
    // Percentiles of ordinary requests (every category's training prompts), see trainDifficulty.
    const report = trainDifficulty(diffRows, sha256(...diffFiles), difficultyOptions, cachedFeatures(), train.map((r) => r.prompt));
    const perSource = Object.entries(report.loso.perSource).map(([s, v]) => `${s} ${v.apgr}`).join(", ");
    console.error(`difficulty: ${report.artefact.trainingData.rows} rows; leave-one-source-out APGR ${perSource}; ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    writeJson(difficultyOut, report.artefact);
  }
}

main();

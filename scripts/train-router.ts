/**
 * Regenerates the routing model artefacts deterministically (same data -> byte-identical files).
 *
 *   npm run train:router                       # data from ../shared/data/routing (relative to the repo root)
 *   npm run train:router -- DATA_DIR           # a folder with train.jsonl, dev.jsonl, difficulty_train.jsonl
 *   npm run train:router -- FILE.jsonl --out my-classifier.json
 *                                              # tenant retrain: JSONL lines {"prompt", "category"}
 * Options: --out FILE (classifier), --difficulty-out FILE, --no-augment, --skip-difficulty
 *          --fit-tokens: only refit the long-text token estimate (prints coefficients for
 *          server/routing/estimate-tokens.ts and its error on dev.jsonl; writes nothing)
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { augmentPrompts } from "../server/routing/training/augment-prompts";
import { trainClassifier, type LabelledRow } from "../server/routing/training/build-classifier";
import { trainDifficulty, type DifficultyRow } from "../server/routing/training/build-difficulty";
import { fnv1a } from "../server/routing/training/metrics";
import { fitTokenEstimate, tokenEstimateError } from "../server/routing/training/fit-token-estimate";
import { estimateTokens } from "../server/routing/estimate-tokens";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv: string[]) {
  const args = { data: path.resolve(repoRoot, "../shared/data/routing"), out: "", difficultyOut: "", augment: true, skipDifficulty: false, fitTokens: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--out") args.out = path.resolve(argv[++i] ?? "");
    else if (a === "--difficulty-out") args.difficultyOut = path.resolve(argv[++i] ?? "");
    else if (a === "--no-augment") args.augment = false;
    else if (a === "--skip-difficulty") args.skipDifficulty = true;
    else if (a === "--fit-tokens") args.fitTokens = true;
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
  console.log(`wrote ${path.relative(process.cwd(), file) || file} (${(statSync(file).size / 1024).toFixed(0)} KiB)`);
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
  const t0 = Date.now();
  const classifier = trainClassifier([...train, ...augmented], dev, {
    sha256: sha256(trainFile, ...(dev.length ? [devFile] : [])),
    augmentedRows: augmented.length,
  });
  console.log(`classifier: ${train.length} rows + ${augmented.length} synthetic, T=${classifier.temperature}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  writeJson(out, classifier);

  const diffFile = path.join(args.data, "difficulty_train.jsonl");
  if (!args.skipDifficulty && existsSync(diffFile)) {
    const rows = readJsonl<DifficultyRow>(diffFile).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const t1 = Date.now();
    const report = trainDifficulty(rows, sha256(diffFile));
    console.log(
      `difficulty: ${report.artefact.trainingData.rows} train rows; held-back APGR ${report.heldBackApgr.toFixed(4)} on ${report.heldBackRows} rows; out-of-fold APGR ${report.outOfFoldApgr.toFixed(4)}; ${((Date.now() - t1) / 1000).toFixed(1)} s`,
    );
    writeJson(difficultyOut, report.artefact);
  }
}

main();

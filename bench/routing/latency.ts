/**
 * Decision time of route(): npx tsx bench/routing/latency.ts [DATA_DIR] [--runs N]
 * (also the last section of bench/routing/run.ts).
 *
 * Cases: a short prompt repeated, a 4,000-character prompt repeated, and 5,000 distinct
 * 4,000-character windows of the dev prompts (the honest case: real traffic is distinct). Each case
 * runs several times; every run is reported with the 1-minute load average when it started (other
 * processes on the machine count), then the best and the median run by p99. Warm-up uses texts that
 * are not timed.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BUILTIN_CATEGORIES, createCorrections, createLearner, DEFAULT_CATALOG, DEFAULT_POLICY, learnCorrection, learnDifficulty, learnerFeaturesOf,
  recordOutcome, route, type ProfileBook, type RouteLearning,
} from "../../server/routing";
import { decodeStoredFeatures, encodeStoredFeatures } from "../../server/learning/stored-features";

const now = new Date("2026-03-15T00:00:00Z");
const DECISIONS = 5000;
// A gateway routes for hours: enough warm-up that V8 has optimised every path, as in steady state.
const WARMUP = 2000;

/**
 * A tenant's learning state that routing uses in full: a learned difficulty past its threshold in
 * every category the texts fall into, capability profiles with evidence for every model, and a full
 * category correction layer (taught from the texts' stored features, as the learning job does).
 */
function learningFrom(texts: string[]): RouteLearning {
  const difficulty = createLearner();
  let categories = createCorrections();
  texts.forEach((content, i) => {
    const request = { messages: [{ role: "user" as const, content }] };
    const features = learnerFeaturesOf(request);
    const category = route({ request, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now }).category;
    if (features) learnDifficulty(difficulty, { category, features, cheaper: i % 3 === 0 ? 0 : 1, better: i % 7 === 0 ? 0 : 1 });
    const stored = features && decodeStoredFeatures(encodeStoredFeatures(features));
    if (stored && i % 4 === 0) categories = learnCorrection(categories, stored, BUILTIN_CATEGORIES[i % BUILTIN_CATEGORIES.length]!);
  });
  let book: ProfileBook = {};
  for (const c of BUILTIN_CATEGORIES)
    for (const m of DEFAULT_CATALOG) for (let i = 0; i < 400; i++) book = recordOutcome(book, { modelId: m.id, category: c, score: i % 4 === 0 ? 0 : 1 });
  return { difficulty, profiles: { book }, categories };
}

function timeIt(prompts: string[], warm: string[], learning?: RouteLearning): [number, number] {
  const input = (content: string) => ({ request: { messages: [{ role: "user" as const, content }] }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now, learning });
  const warmInputs = warm.map(input);
  const inputs = prompts.map(input);
  for (let i = 0; i < WARMUP; i++) route(warmInputs[i % warmInputs.length]!);
  const ts = new Float64Array(DECISIONS);
  for (let i = 0; i < DECISIONS; i++) {
    const x = inputs[i % inputs.length]!;
    const t0 = performance.now();
    route(x);
    ts[i] = performance.now() - t0;
  }
  ts.sort();
  return [ts[Math.floor(DECISIONS * 0.5)]!, ts[Math.floor(DECISIONS * 0.99)]!];
}

export function decisionTimeReport(devPrompts: string[], log: (s?: string) => void, runs = 3): void {
  const short = "Write a Python function that checks whether a number is prime.";
  const devText = devPrompts.join("\n");
  const long = devText.slice(0, 4000);
  const windows = (shift: number, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const at = (i * 997 + shift) % (devText.length - 4000);
      return devText.slice(at, at + 4000);
    });
  const us = (x: number) => `${(x * 1000).toFixed(0)} µs`;
  const learning = learningFrom(windows(123, 1200));
  const cases: [string, (run: number) => [string[], string[]], RouteLearning?][] = [
    [`short (${short.length} chars), repeated`, () => [[short], [short]]],
    [`long (${long.length} chars), repeated`, () => [[long], [long]]],
    // Each run times its own windows (shifted) and warms up on others.
    [`long (4000 chars), ${DECISIONS.toLocaleString("en")} distinct texts`, (run) => [windows(run * 499, DECISIONS), windows(250 + run * 499, WARMUP)]],
    // The same with the tenant's learned difficulty, capability profiles and category corrections in use.
    [`long (4000 chars), ${DECISIONS.toLocaleString("en")} distinct texts, learning on`, (run) => [windows(run * 499, DECISIONS), windows(250 + run * 499, WARMUP)], learning],
  ];
  log(`\n## Decision time (${DECISIONS} decisions per run after ${WARMUP} warm-up decisions, ${runs} runs per case)\n`);
  log("| prompt | each run: p50 / p99 (load average) | best run p50 / p99 | median run p50 / p99 |\n|---|---|---:|---:|");
  for (const [name, make, withLearning] of cases) {
    const results: { p50: number; p99: number; load: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const load = os.loadavg()[0]!;
      const [timed, warm] = make(run);
      const [p50, p99] = timeIt(timed, warm, withLearning);
      results.push({ p50, p99, load });
    }
    const byP99 = [...results].sort((a, b) => a.p99 - b.p99);
    const best = byP99[0]!;
    const median = byP99[Math.floor(runs / 2)]!;
    log(`| ${name} | ${results.map((r) => `${us(r.p50)} / ${us(r.p99)} (${r.load.toFixed(1)})`).join("; ")} | ${us(best.p50)} / ${us(best.p99)} | ${us(median.p50)} / ${us(median.p99)} |`);
  }
  log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), node ${process.version}. Load average: 1-minute, when the run started, other processes included.`);
}

// Standalone: npx tsx bench/routing/latency.ts [DATA_DIR] [--runs N]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const dataDir = path.resolve(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs") ?? path.join(repoRoot, "../shared/data/routing"));
  const dev = readFileSync(path.join(dataDir, "dev.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { prompt: string }).prompt);
  decisionTimeReport(dev, (s = "") => console.log(s), runs);
}

/**
 * Routing benchmark: npx tsx bench/routing/run.ts [DATA_DIR] [--skip-loso]
 * DATA_DIR defaults to ../shared/data/routing relative to the repo root.
 * Prints a Markdown report (also the basis of bench/routing/RESULTS.md).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CATALOG, DEFAULT_POLICY, route, relativeQualityGap, estimateDifficulty } from "../../server/routing";
import { classifyCategory } from "../../server/routing/classify-category";
import { extractPromptText } from "../../server/routing/extract-prompt-text";
import { augmentPrompts } from "../../server/routing/training/augment-prompts";
import { DEFAULT_CLASSIFIER_OPTIONS, type LabelledRow } from "../../server/routing/training/build-classifier";
import { losoCategory } from "../../server/routing/training/loso-category";
import { computeApgr } from "../../server/routing/training/metrics";
import { cachedFeatures, DEFAULT_DIFFICULTY_OPTIONS } from "../../server/routing/training/build-difficulty";
import { losoDifficulty, type SourcedDifficultyRow } from "../../server/routing/training/loso-difficulty";
import { countTokens, EXACT_TOKEN_CHAR_LIMIT } from "../../server/routing/count-tokens";
import { tokenEstimateError } from "../../server/routing/training/fit-token-estimate";
import { decisionTimeReport } from "./latency";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const dataDir = path.resolve(args.find((a) => !a.startsWith("--")) ?? path.join(repoRoot, "../shared/data/routing"));
const skipLoso = args.includes("--skip-loso");
const onlyProbe = args.includes("--probe-only");
const readJsonl = <T,>(f: string): T[] => readFileSync(path.join(dataDir, f), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`;
const out: string[] = [];
const log = (s = "") => {
  out.push(s);
  console.log(s);
};

const dev = readJsonl<LabelledRow>("dev.jsonl");
const train = readJsonl<LabelledRow>("train.jsonl").sort((a, b) => (a.id < b.id ? -1 : 1));
const labels = ["coding", "math", "science", "computer_use", "general"];
const now = new Date("2026-03-15T00:00:00Z");

// 1. Dev accuracy and confusion matrix.
const conf: Record<string, Record<string, number>> = {};
for (const a of labels) conf[a] = Object.fromEntries(labels.map((b) => [b, 0]));
let correct = 0;
const bySource = new Map<string, [number, number]>();
for (const r of dev) {
  const p = classifyCategory(extractPromptText({ messages: [{ role: "user", content: r.prompt }] })).category;
  conf[r.category]![p] = (conf[r.category]![p] ?? 0) + 1;
  if (p === r.category) correct++;
  const k = `${r.category}/${r.source}`;
  const v = bySource.get(k) ?? [0, 0];
  bySource.set(k, [v[0] + (p === r.category ? 1 : 0), v[1] + 1]);
}
log(`## Category classifier on dev.jsonl (${dev.length} prompts)\n`);
log(`Accuracy: **${pct(correct / dev.length, 2)}**\n`);
log("| category | precision | recall | n |\n|---|---:|---:|---:|");
for (const c of labels) {
  const tp = conf[c]![c]!;
  const predicted = labels.reduce((s, a) => s + conf[a]![c]!, 0);
  const actual = labels.reduce((s, b) => s + conf[c]![b]!, 0);
  log(`| ${c} | ${pct(tp / Math.max(1, predicted))} | ${pct(tp / Math.max(1, actual))} | ${actual} |`);
}
log(`\nConfusion matrix (rows = true, columns = predicted):\n`);
log(`| true \\ pred | ${labels.join(" | ")} |\n|---|${labels.map(() => "---:").join("|")}|`);
for (const a of labels) log(`| ${a} | ${labels.map((b) => conf[a]![b]).join(" | ")} |`);
const weakSources = [...bySource.entries()].filter(([, [c, n]]) => c / n < 0.95).map(([k, [c, n]]) => `${k} ${pct(c / n)} (n=${n})`);
log(`\nSources below 95 % on dev: ${weakSources.join("; ") || "none"}`);

// 1b. Style probe: hand-written prompts in styles absent from the training data (evaluation only, never trained on).
const probeFile = path.join(repoRoot, "bench/routing/probe.jsonl");
const probe = readFileSync(probeFile, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRow & { style: string });
{
  const byStyle = new Map<string, [number, number]>();
  const byCat = new Map<string, [number, number]>();
  let ok = 0;
  const misses: string[] = [];
  for (const r of probe) {
    const p = classifyCategory(extractPromptText({ messages: [{ role: "user", content: r.prompt }] })).category;
    const hit = p === r.category ? 1 : 0;
    ok += hit;
    for (const [m, k] of [[byStyle, `${r.category}/${r.style}`], [byCat, r.category]] as const) {
      const v = m.get(k) ?? [0, 0];
      m.set(k, [v[0] + hit, v[1] + 1]);
    }
    if (!hit) misses.push(`${r.id} ${r.category}→${p}`);
  }
  log(`\n## Style probe (bench/routing/probe.jsonl, ${probe.length} hand-written prompts, never trained on)\n`);
  log(`Accuracy: **${pct(ok / probe.length)}**\n`);
  log("| category | accuracy | n |\n|---|---:|---:|");
  for (const c of labels) {
    const [a, n] = byCat.get(c) ?? [0, 0];
    log(`| ${c} | ${pct(a / Math.max(1, n))} | ${n} |`);
  }
  log(`\nBy style: ${[...byStyle.entries()].sort().map(([k, [a, n]]) => `${k} ${a}/${n}`).join("; ")}`);
  log(`\nMisses: ${misses.join(", ") || "none"}`);
}
if (onlyProbe) process.exit(0);

// 2. Leave-one-source-out.
if (!skipLoso) {
  const report = losoCategory(train, dev, augmentPrompts(), DEFAULT_CLASSIFIER_OPTIONS);
  log(`\n## Leave-one-source-out (train on train.jsonl without source S + synthetic rows, test on all of S's rows in train+dev)\n`);
  log("| source | categories | n | accuracy |\n|---|---|---:|---:|");
  for (const [s, v] of Object.entries(report.perSource)) log(`| ${s} | ${v.categories.join(", ")} | ${v.rows} | ${pct(v.accuracy)} |`);
  log(`\nMacro average over ${Object.keys(report.perSource).length} sources: **${pct(report.macro)}**; pooled: ${pct(report.pooled)}`);
}

// 3. Difficulty: leave-one-source-out APGR with the shipped settings, and the shipped artefact on each source.
{
  const diffRows = ["difficulty_train.jsonl", "difficulty_extra.jsonl"]
    .filter((f) => existsSync(path.join(dataDir, f)))
    .flatMap((f) => readJsonl<SourcedDifficultyRow>(f))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = diffRows;
  log(`\n## Difficulty: APGR by source (random = 0.5)\n`);
  log(`Leave-one-source-out: trained on the other sources (questions shared with the held-out source removed), scored on the held-out source. Settings: ${JSON.stringify(DEFAULT_DIFFICULTY_OPTIONS)}.\n`);
  const loso = skipLoso ? null : losoDifficulty(rows, cachedFeatures(), DEFAULT_DIFFICULTY_OPTIONS);
  log("| source | n | leave-one-source-out | shipped artefact (trained on every source) |\n|---|---:|---:|---:|");
  for (const s of [...new Set(rows.map((r) => r.source))].sort()) {
    const part = rows.filter((r) => r.source === s);
    const shipped = computeApgr(part.map((r) => estimateDifficulty(r.prompt)), part.map((r) => r.strong_correct), part.map((r) => r.weak_correct));
    log(`| ${s} | ${part.length} | ${loso ? loso.perSource[s]!.apgr.toFixed(4) : "–"} | ${shipped.toFixed(4)} |`);
  }
  if (loso) log(`\nLeave-one-source-out minimum **${loso.min.toFixed(4)}**, mean ${loso.mean.toFixed(4)} (target ≥ 0.58 on every source).`);
}
log(`\nGap curve used for expected quality (difficulty → relative strong-vs-weak gap): ${[0.05, 0.25, 0.5, 0.75, 0.95].map((d) => `${d}: ${relativeQualityGap(d).toFixed(2)}`).join(", ")}`);

// 4. Projected savings and expected quality (default policy on dev, where it was checked, and on
// train, where its bars were chosen; then a variant that never relaxes the coding bar).
function projectSavings(rows: LabelledRow[], file: string, policy: typeof DEFAULT_POLICY, title: string): void {
const base = DEFAULT_CATALOG.find((m) => m.id === DEFAULT_POLICY.baselineModelId)!;
let cost = 0;
let baseCost = 0;
let unpriced = 0;
let degraded = 0;
const qual: Record<string, { routed: number; base: number; n: number; models: Record<string, number> }> = {};
for (const r of rows) {
  const d = route({ request: { messages: [{ role: "user", content: r.prompt }] }, catalog: DEFAULT_CATALOG, policy, unhealthy: {}, now });
  if (d.estimate.costUsd === null) unpriced++;
  if (d.degraded) degraded++;
  cost += d.estimate.costUsd ?? 0;
  baseCost += d.estimate.baselineCostUsd ?? 0;
  const q = (qual[r.category] ??= { routed: 0, base: 0, n: 0, models: {} });
  const qb = base.quality[r.category] ?? 0;
  const qm = d.model?.quality[r.category] ?? 0;
  q.routed += qb + (qm - qb) * relativeQualityGap(d.difficulty);
  q.base += qb;
  q.n++;
  q.models[d.model?.id ?? "none"] = (q.models[d.model?.id ?? "none"] ?? 0) + 1;
}
log(`\n## Projected spend on ${file}, ${title} vs everything on ${base.id}\n`);
log(`Routed: $${cost.toFixed(2)}; baseline: $${baseCost.toFixed(2)}; **savings ${pct(1 - cost / baseCost)}**${unpriced ? ` (${unpriced} decisions unpriced, counted as $0 here and flagged)` : ""}; degraded decisions (no model met the bar): ${degraded}.\n`);
log("Expected quality per (true) category: baseline score vs routed (difficulty-weighted, see docs/ROUTING.md):\n");
log("| category | baseline | routed | Δ | models chosen |\n|---|---:|---:|---:|---|");
for (const c of labels) {
  const q = qual[c]!;
  const models = Object.entries(q.models).sort().map(([m, n]) => `${m} ${pct(n / q.n, 0)}`).join(", ");
  log(`| ${c} | ${(q.base / q.n).toFixed(2)} | ${(q.routed / q.n).toFixed(2)} | ${(q.routed / q.n - q.base / q.n >= 0 ? "+" : "")}${(q.routed / q.n - q.base / q.n).toFixed(2)} | ${models} |`);
}

}
projectSavings(dev, "dev.jsonl", DEFAULT_POLICY, "default policy");
projectSavings(train, "train.jsonl", DEFAULT_POLICY, "default policy");
projectSavings(
  dev,
  "dev.jsonl",
  { ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules, coding: { ...DEFAULT_POLICY.rules.coding!, qualityBar: 80.7 } } },
  "variant that keeps every coding prompt on the baseline (coding bar 80.7, not the default)",
);

// 4b. Input-token estimate for long messages vs exact o200k counts (dev prompts were not used to fit it).
{
  const devLong = dev.map((r) => r.prompt);
  const devJoined = devLong.join("\n");
  const win = Array.from({ length: 2000 }, (_, i) => devJoined.slice((i * 997) % (devJoined.length - 4000), ((i * 997) % (devJoined.length - 4000)) + 4000));
  log(`\n## Input-token estimate (messages over ${EXACT_TOKEN_CHAR_LIMIT} characters) vs exact o200k counts\n`);
  log("| texts | n | mean error | p90 | p99 |\n|---|---:|---:|---:|---:|");
  for (const [name, set] of [["dev prompts", devLong], ["4,000-character dev windows", win]] as const) {
    const e = tokenEstimateError(set, (t) => countTokens(t));
    log(`| ${name} | ${e.n} | ${pct(e.mean)} | ${pct(e.p90)} | ${pct(e.p99)} |`);
  }
}

// 5. Decision time (bench/routing/latency.ts; also runnable on its own).
decisionTimeReport(dev.map((r) => r.prompt), log);

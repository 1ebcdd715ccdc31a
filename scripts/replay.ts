/**
 * Replay benchmark for the learned difficulty and capability profiles:
 *
 *   npm run -s replay -- FILE.jsonl [--evaluate-share 0.05] [--seed N] [--source NAME] [--shuffle] [--limit N] [--strong-share 0.5]
 *
 * FILE has the schema of difficulty_train.jsonl (prompt, strong_model, weak_model, strong_correct,
 * weak_correct). The rows are played in file order as one tenant's traffic (--shuffle: in an order
 * drawn from the seed; --source: only that source's rows; --limit: the first N after that) through
 * route() and the learning code. Prints one JSON line (see server/routing/learning/replay-traffic.ts).
 */
import { readFileSync } from "node:fs";
import { createRandom } from "../server/random/mulberry32";
import { shuffledIndices } from "../server/routing/training/seeded-random";
import { replayTraffic, type ReplayRow } from "../server/routing/learning/replay-traffic";

function main(): void {
  const argv = process.argv.slice(2);
  let file = "";
  let evaluateShare = 0.05;
  let seed = 1;
  let source = "";
  let shuffle = false;
  let limit = Infinity;
  let strongShare = 0.5;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => argv[++i] ?? "";
    if (a === "--evaluate-share") evaluateShare = Number(next());
    else if (a === "--seed") seed = Number(next());
    else if (a === "--source") source = next();
    else if (a === "--shuffle") shuffle = true;
    else if (a === "--limit") limit = Number(next());
    else if (a === "--strong-share") strongShare = Number(next());
    else if (!a.startsWith("--")) file = a;
    else throw new Error(`unknown option ${a}`);
  }
  if (!file) throw new Error("usage: npm run -s replay -- FILE.jsonl [--evaluate-share 0.05] [--seed N] [--source NAME] [--shuffle] [--limit N]");
  if (!(evaluateShare >= 0 && evaluateShare <= 1) || !Number.isInteger(seed) || !(strongShare >= 0 && strongShare <= 1) || !(limit > 0))
    throw new Error("--evaluate-share and --strong-share are in [0, 1], --seed an integer, --limit positive");
  let rows = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as ReplayRow & { source?: string })
    .filter((r) => typeof r.prompt === "string" && Number.isFinite(r.strong_correct) && Number.isFinite(r.weak_correct))
    .filter((r) => source === "" || r.source === source);
  if (shuffle) {
    const order = shuffledIndices(rows.length, createRandom(seed));
    rows = Array.from(order, (i) => rows[i]!);
  }
  rows = rows.slice(0, limit);
  const result = replayTraffic(rows, { evaluateShare, seed, strongShare });
  console.log(JSON.stringify({ file: file.split("/").pop(), source: source || null, shuffled: shuffle, ...result }));
}

main();

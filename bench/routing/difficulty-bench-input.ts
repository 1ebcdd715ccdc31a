/**
 * What the difficulty benchmarks read: `--name value` options, the data folder (the first bare
 * argument, by default the shared routing data beside the repository) and the outcome rows of
 * both difficulty files found there.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SourcedDifficultyRow } from "../../server/routing/training/loso-difficulty";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function difficultyBenchInput<Row extends SourcedDifficultyRow = SourcedDifficultyRow>(argv: string[] = process.argv.slice(2)) {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dataDir = path.resolve(argv.find((a, i) => !a.startsWith("--") && !(i > 0 && argv[i - 1]!.startsWith("--"))) ?? path.join(repoRoot, "../shared/data/routing"));
  const rows: Row[] = ["difficulty_train.jsonl", "difficulty_extra.jsonl"]
    .map((f) => path.join(dataDir, f))
    .filter((f) => existsSync(f))
    .flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Row));
  return { opt, rows };
}

import { describe, expect, it } from "vitest";
import { createRandom } from "../../random/mulberry32";
import { DIFFICULTY_DENSE_COUNT } from "../difficulty-features";
import { estimateDifficulty } from "../estimate-difficulty";
import { decodeLinear } from "../model-codec";
import { DEFAULT_DIFFICULTY_OPTIONS, DIFFICULTY_CANDIDATES, trainDifficulty } from "./build-difficulty";
import type { SourcedDifficultyRow } from "./loso-difficulty";

/**
 * Real prompts from three sources in different styles, with one rule shared by all: multi-step
 * quantitative questions defeat the weaker model, one-line recall questions do not.
 */
function rows(): SourcedDifficultyRow[] {
  const rand = createRandom(5);
  const hard = (i: number) =>
    `A tank holds ${i + 40} litres and drains at ${i % 7 + 2}.5 litres per minute while a pump adds ${i % 5 + 1} litres every 3 minutes. Assume the rate doubles after 10 minutes. Calculate how long until it is empty, then estimate the total pumped.`;
  const easy = (i: number) => `What is the capital of country number ${i}?`;
  const styles: Record<string, (q: string) => string> = {
    plain: (q) => q,
    exam: (q) => `Question: ${q}\nA) one\nB) two\nC) three\nD) four`,
    chat: (q) => `Hi! Could you help me with this: ${q} Thanks.`,
  };
  const out: SourcedDifficultyRow[] = [];
  for (const [source, style] of Object.entries(styles)) {
    for (let i = 0; i < 150; i++) {
      const isHard = i % 2 === 0;
      out.push({
        id: `${source}-${i}`,
        source,
        prompt: style(isHard ? hard(i) : easy(i)),
        strong_correct: rand() < 0.9 ? 1 : 0,
        weak_correct: rand() < (isHard ? 0.2 : 0.9) ? 1 : 0,
      });
    }
  }
  return out;
}

describe("training the shipped difficulty estimator", () => {
  it("ships a setting the leave-one-source-out selection compares (a plain training run writes what --loso chose)", () => {
    expect(DIFFICULTY_CANDIDATES).toContainEqual(DEFAULT_DIFFICULTY_OPTIONS);
  });

  const data = rows();
  const reference = ["Write a haiku about rain.", "Translate 'good morning' into French.", "Explain recursion briefly.", "Sort [3, 1, 2]."];
  const { artefact, loso } = trainDifficulty(data, "test", { ...DEFAULT_DIFFICULTY_OPTIONS, epochs: 3 }, undefined, reference);

  it("reports every source held out and ranks the planted rule well above chance on each", () => {
    expect(Object.keys(loso.perSource)).toEqual(["chat", "exam", "plain"]);
    for (const v of Object.values(loso.perSource)) expect(v.apgr).toBeGreaterThan(0.6);
  });

  it("writes an artefact the router reads: its cue count, percentiles of the reference prompts, a gap curve", () => {
    expect(artefact.dense).toBe(DIFFICULTY_DENSE_COUNT);
    expect(artefact.denseWeights).toHaveLength(DIFFICULTY_DENSE_COUNT);
    expect(artefact.quantiles).toHaveLength(21);
    for (let i = 1; i < artefact.quantiles.length; i++) expect(artefact.quantiles[i]!).toBeGreaterThanOrEqual(artefact.quantiles[i - 1]!);
    expect(artefact.trainingData.referencePrompts).toBe(reference.length);
    expect(artefact.trainingData.sources).toEqual({ chat: 150, exam: 150, plain: 150 });
    expect(artefact.gapCurve.length).toBeGreaterThan(1);
  });

  it("gives the hard kind of prompt a higher difficulty than the easy kind through the routing path", () => {
    const model = { weights: decodeLinear(artefact), quantiles: artefact.quantiles, gapCurve: artefact.gapCurve, version: artefact.version };
    const hard = estimateDifficulty("A truck carries 35 crates and unloads 2.5 crates per stop while picking up 1 every 3 stops. Assume the rate doubles after 10 stops. Calculate how many stops until it is empty.", model);
    const easy = estimateDifficulty("What is the capital of Peru?", model);
    expect(hard).toBeGreaterThan(easy);
  });
});

import { describe, expect, it } from "vitest";
import { judgeRequest, parseVerdict, renderConversation, servedWinsOf } from "../../learning/evaluation/judge-prompt";
import type { ChatRequest } from "../types";
import { JUDGE_NOISE, JUDGE_POSITION_BIAS, simulatedVerdict } from "./simulated-judge";
import { FLAWED_NOTE, SOUND_NOTE, TRUTH_SPREAD, catalogFigure, soundnessIn, trueQuality, truthOffset } from "./simulated-truth";
import { simulate } from "./simulate";
import { createRandom } from "../../random/mulberry32";

const ask = (text: string): ChatRequest => ({ messages: [{ role: "user", content: [{ type: "text", text }] }], stream: false });
const MODELS = ["gpt-5.4", "claude-opus-4-6", "gemini-3.1-pro", "glm-5", "claude-sonnet-4-6", "gemini-3-flash-preview"];
const CATEGORIES = ["coding", "math", "science", "computer_use", "general"];

describe("the simulator's truth", () => {
  it("is the catalog figure moved by a fixed offset within the spread, different across models and categories", () => {
    const offsets = MODELS.flatMap((m) => CATEGORIES.map((c) => truthOffset(m, c)));
    for (const o of offsets) expect(Math.abs(o)).toBeLessThanOrEqual(TRUTH_SPREAD);
    expect(new Set(offsets).size).toBeGreaterThan(offsets.length / 2);
    expect(offsets.some((o) => o > 2) && offsets.some((o) => o < -2)).toBe(true);
    expect(trueQuality("gpt-5.4", "coding")).toBeCloseTo(catalogFigure("gpt-5.4", "coding")! + truthOffset("gpt-5.4", "coding"), 6);
    // One truth per model, whichever of its names the simulator is given.
    expect(trueQuality("claude-opus-4-6", "math")).toBe(trueQuality("claude-opus-4.6", "math"));
    // A model the simulator has no figure for has no truth, and its answers carry no note.
    expect(trueQuality("my-own-model", "coding")).toBeNull();
  });

  it("makes answers sound at the true quality's rate, reproducibly per request and model", async () => {
    const model = "glm-5";
    const truth = trueQuality(model, "coding")!;
    let sound = 0;
    const n = 1500;
    for (let i = 0; i < n; i++) {
      const answer = (await simulate(ask(`Fix this python function number ${i}`), { model })).content;
      const soundness = soundnessIn(answer);
      expect(soundness).not.toBeNull();
      if (soundness === "sound") sound++;
    }
    // Binomial standard error at n = 1500 is about 1.3 points; allow four.
    expect(Math.abs((sound / n) * 100 - truth)).toBeLessThan(5);
    const again = await simulate(ask("Fix this python function number 7"), { model });
    expect(again.content).toBe((await simulate(ask("Fix this python function number 7"), { model })).content);
  });

  it("keeps answers plausible text: the note is a bracketed simulator note at the end", async () => {
    const { content } = await simulate(ask("Solve the equation 2x = 10"), { model: "gpt-5.4" });
    expect(content).toMatch(/^About "Solve the equation 2x = 10":/);
    expect(content.endsWith(SOUND_NOTE) || content.endsWith(FLAWED_NOTE)).toBe(true);
    const custom = await simulate(ask("Solve the equation 2x = 10"), { model: "my-own-model" });
    expect(soundnessIn(custom.content)).toBeNull();
  });
});

describe("the simulated judge", () => {
  const conversation = renderConversation(ask("Sort a list in python"));
  const sound = `Use sorted(). ${SOUND_NOTE}`;
  const flawed = `Use sort(). ${FLAWED_NOTE}`;
  const readings = (first: string, second: string, n: number) =>
    Array.from({ length: n }, (_, i) => simulatedVerdict(textOf(judgeRequest(conversation, first, second)), createRandom(i + 1)));
  const textOf = (req: ChatRequest) => (req.messages[0]!.content[0] as { text: string }).text;

  it("prefers the sound answer in either position, with some noise and a bias to answer A", () => {
    const n = 4000;
    const aFirst = readings(sound, flawed, n).filter((v) => v === "A").length / n;
    const bSecond = readings(flawed, sound, n).filter((v) => v === "B").length / n;
    const noiseToA = JUDGE_NOISE / 3;
    expect(aFirst).toBeCloseTo(1 - JUDGE_NOISE + noiseToA, 1);
    expect(bSecond).toBeCloseTo(1 - JUDGE_NOISE - JUDGE_POSITION_BIAS + noiseToA, 1);
    // Two equally sound answers: ties, except for the bias toward A.
    const same = readings(sound, sound, n);
    expect(same.filter((v) => v === "A").length / n).toBeGreaterThan(JUDGE_POSITION_BIAS);
  });

  it("the position swap cancels the bias: equal answers average a draw, a sound one wins clearly", () => {
    const n = 3000;
    const mean = (first: string, second: string) => {
      const a = readings(first, second, n);
      const b = Array.from({ length: n }, (_, i) => simulatedVerdict(textOf(judgeRequest(conversation, second, first)), createRandom(10_000 + i)));
      return a.reduce((sum, v, i) => sum + servedWinsOf(v, b[i]!)!, 0) / n;
    };
    expect(mean(sound, sound)).toBeCloseTo(0.5, 1);
    expect(mean(sound, flawed)).toBeGreaterThan(0.8);
    expect(mean(flawed, sound)).toBeLessThan(0.2);
  });

  it("answers a judging request through simulate with a parseable verdict and no soundness note of its own", async () => {
    const reply = await simulate(judgeRequest(conversation, sound, flawed), { model: "gpt-5.4" });
    expect(parseVerdict(reply.content)).not.toBeNull();
    expect(soundnessIn(reply.content)).toBeNull();
    expect(reply.toolCalls).toEqual([]);
  });
});

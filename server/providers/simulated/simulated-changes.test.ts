import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../types";
import { DEFAULT_SIMULATION, planSimulation, simulate } from ".";
import { conditionsAt } from "./simulated-changes";
import { soundnessIn } from "./simulated-truth";

const ask = (text: string): ChatRequest => ({ messages: [{ role: "user", content: [{ type: "text", text }] }], stream: false });
const at = new Date("2026-12-10T12:00:00Z");
const before = new Date("2026-12-10T11:59:59Z");

describe("scheduled simulator changes", () => {
  it("apply to their model from their time on, factors multiplying and deltas adding up", () => {
    const changes = [
      { model: "gpt-5.4", at, latencyFactor: 2 },
      { model: "gpt-5.4", at: new Date("2026-12-11T00:00:00Z"), latencyFactor: 1.5, qualityDelta: -10 },
      { model: "glm-5", at, qualityDelta: -30 },
    ];
    expect(conditionsAt(changes, "gpt-5.4", before)).toEqual({ latencyFactor: 1, qualityDelta: 0 });
    expect(conditionsAt(changes, "gpt-5.4", at)).toEqual({ latencyFactor: 2, qualityDelta: 0 });
    expect(conditionsAt(changes, "gpt-5.4", new Date("2026-12-12T00:00:00Z"))).toEqual({ latencyFactor: 3, qualityDelta: -10 });
  });

  it("slow a model's answers down from the change on", async () => {
    const settings = { ...DEFAULT_SIMULATION, firstTokenMs: 40, perTokenMs: 2, changes: [{ model: "gpt-5.4", at, latencyFactor: 3 }] };
    expect(planSimulation(ask("Fix this TypeScript function"), "gpt-5.4", settings, before)).toMatchObject({ firstTokenMs: 40, perTokenMs: 2 });
    expect(planSimulation(ask("Fix this TypeScript function"), "gpt-5.4", settings, at)).toMatchObject({ firstTokenMs: 120, perTokenMs: 6 });
    expect(planSimulation(ask("Fix this TypeScript function"), "glm-5", settings, at)).toMatchObject({ firstTokenMs: 40, perTokenMs: 2 });
    // simulate() reads the clock it is given: the first token waits the changed delay.
    const started = performance.now();
    await simulate(ask("Hi"), { ...settings, perTokenMs: 0, model: "gpt-5.4", now: () => at });
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it("make a model's answers worse from the change on", () => {
    const settings = { ...DEFAULT_SIMULATION, changes: [{ model: "gpt-5.4", at, qualityDelta: -50 }] };
    const soundShare = (when: Date) => {
      const answers = Array.from({ length: 400 }, (_, i) => planSimulation(ask(`Write a Python function number ${i}`), "gpt-5.4", settings, when).response.content);
      return answers.filter((a) => soundnessIn(a) === "sound").length / answers.length;
    };
    const was = soundShare(before);
    const now = soundShare(at);
    expect(was).toBeGreaterThan(0.6);
    expect(was - now).toBeGreaterThan(0.4);
  });
});

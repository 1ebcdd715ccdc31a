import { describe, expect, it } from "vitest";
import {
  CLOSED, acquireBreaker, breakerHealth, recordBreakerOutcome, type BreakerConfig, type BreakerState,
} from "./circuit-breaker";

const config: BreakerConfig = { consecutiveFailures: 3, failureRate: 0.5, minCallsForRate: 6, windowMs: 10_000, coolDownMs: 5_000, probeTimeoutMs: 2_000 };

type Step = { at: number; op: "ok" | "fail" | "acquire"; allowed?: boolean; phase: BreakerState["phase"] };

function run(steps: Step[]): void {
  let state: BreakerState = CLOSED;
  for (const [i, step] of steps.entries()) {
    if (step.op === "acquire") {
      const result = acquireBreaker(state, step.at, config);
      expect(result.allowed, `step ${i} allowed`).toBe(step.allowed);
      state = result.state;
    } else {
      state = recordBreakerOutcome(state, step.op === "ok", step.at, config);
    }
    expect(state.phase, `step ${i} phase`).toBe(step.phase);
  }
}

describe("circuit breaker transitions", () => {
  const cases: Record<string, Step[]> = {
    "opens after N consecutive failures; a success in between resets the count": [
      { at: 0, op: "fail", phase: "closed" },
      { at: 1, op: "fail", phase: "closed" },
      { at: 2, op: "ok", phase: "closed" },
      { at: 3, op: "fail", phase: "closed" },
      { at: 4, op: "fail", phase: "closed" },
      { at: 5, op: "fail", phase: "open" },
      { at: 6, op: "acquire", allowed: false, phase: "open" },
    ],
    "opens on the failure rate over a window even without a consecutive run": [
      { at: 0, op: "fail", phase: "closed" },
      { at: 1, op: "ok", phase: "closed" },
      { at: 2, op: "fail", phase: "closed" },
      { at: 3, op: "ok", phase: "closed" },
      { at: 4, op: "ok", phase: "closed" },
      { at: 5, op: "fail", phase: "open" },
    ],
    "a new window forgets old failures": [
      { at: 0, op: "fail", phase: "closed" },
      { at: 1, op: "ok", phase: "closed" },
      { at: 2, op: "fail", phase: "closed" },
      { at: 3, op: "ok", phase: "closed" },
      { at: 4, op: "fail", phase: "closed" },
      { at: 10_004, op: "ok", phase: "closed" },
      { at: 10_005, op: "fail", phase: "closed" },
    ],
    "after the cool-down one probe goes through; its success closes": [
      ...Array.from({ length: 3 }, (_, i): Step => ({ at: i, op: "fail", phase: i < 2 ? "closed" : "open" })),
      { at: 5_001, op: "acquire", allowed: false, phase: "open" },
      { at: 5_002, op: "acquire", allowed: true, phase: "half_open" },
      { at: 5_003, op: "acquire", allowed: false, phase: "half_open" },
      { at: 5_004, op: "ok", phase: "closed" },
      { at: 5_005, op: "acquire", allowed: true, phase: "closed" },
    ],
    "a failed probe reopens for another cool-down": [
      ...Array.from({ length: 3 }, (_, i): Step => ({ at: i, op: "fail", phase: i < 2 ? "closed" : "open" })),
      { at: 5_002, op: "acquire", allowed: true, phase: "half_open" },
      { at: 5_100, op: "fail", phase: "open" },
      { at: 10_099, op: "acquire", allowed: false, phase: "open" },
      { at: 10_100, op: "acquire", allowed: true, phase: "half_open" },
    ],
    "a probe that never reports frees its slot after the probe timeout": [
      ...Array.from({ length: 3 }, (_, i): Step => ({ at: i, op: "fail", phase: i < 2 ? "closed" : "open" })),
      { at: 5_002, op: "acquire", allowed: true, phase: "half_open" },
      { at: 7_001, op: "acquire", allowed: false, phase: "half_open" },
      { at: 7_002, op: "acquire", allowed: true, phase: "half_open" },
    ],
    "late reports while open change nothing": [
      ...Array.from({ length: 3 }, (_, i): Step => ({ at: i, op: "fail", phase: i < 2 ? "closed" : "open" })),
      { at: 10, op: "ok", phase: "open" },
      { at: 4_000, op: "acquire", allowed: false, phase: "open" },
    ],
  };
  for (const [name, steps] of Object.entries(cases)) it(name, () => run(steps));

  it("health explains an open circuit and a probe in flight", () => {
    const open = recordBreakerOutcome(recordBreakerOutcome(recordBreakerOutcome(CLOSED, false, 0, config), false, 0, config), false, 0, config);
    expect(breakerHealth(open, 1)).toEqual({ available: false, reason: expect.stringContaining("cooling down until 1970-01-01T00:00:05.000Z") });
    expect(breakerHealth(open, 5_000)).toEqual({ available: true });
    const probing = acquireBreaker(open, 5_000, config).state;
    expect(breakerHealth(probing, 5_001)).toEqual({ available: false, reason: expect.stringContaining("probe") });
  });
});

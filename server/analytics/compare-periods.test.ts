import { describe, expect, it } from "vitest";
import { pointChange, ratio, relativeChange } from "./compare-periods";

describe("change against the previous period", () => {
  it.each([
    [120, 100, 0.2],
    [80, 100, -0.2],
    [0, 100, -1],
    [100, 0, null], // from nothing: no meaningful percentage
    [0, 0, null],
    [null, 100, null],
    [100, null, null],
    [-5, -10, 0.5], // a negative amount (savings below baseline) that improved
  ])("relative %s vs %s -> %s", (current, previous, expected) => {
    const change = relativeChange(current, previous);
    if (expected === null) expect(change).toBeNull();
    else expect(change).toBeCloseTo(expected, 10);
  });

  it.each([
    [0.05, 0.03, 0.02],
    [0, 0.1, -0.1],
    [0.1, 0, 0.1], // rates may start from 0: points are still meaningful
    [null, 0.1, null],
    [0.1, null, null],
  ])("points %s vs %s -> %s", (current, previous, expected) => {
    const change = pointChange(current, previous);
    if (expected === null) expect(change).toBeNull();
    else expect(change).toBeCloseTo(expected, 10);
  });

  it("a ratio of nothing is unknown, not 0", () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(0, 10)).toBe(0);
    expect(ratio(3, 4)).toBe(0.75);
  });
});

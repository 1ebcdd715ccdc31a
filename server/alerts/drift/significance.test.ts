import { describe, expect, it } from "vitest";
import { normalUpperTail, studentUpperTail, twoProportionTest, varianceOf, welchTest } from "./significance";

// Reference values computed by hand (pooled proportion, Welch-Satterthwaite) and checked against
// SciPy's norm.sf and t.sf.
describe("normalUpperTail", () => {
  it("matches the standard normal's tail to about 7 significant digits, deep in the tail too", () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(1.6329931618554523)).toBeCloseTo(0.051235217429874684, 7);
    expect(normalUpperTail(-1)).toBeCloseTo(0.8413447460685429, 7);
    expect(normalUpperTail(5) / 2.866515718791933e-7).toBeCloseTo(1, 5);
  });
});

describe("studentUpperTail", () => {
  it("matches Student's t tail for small and fractional degrees of freedom", () => {
    expect(studentUpperTail(2.5, 3)).toBeCloseTo(0.04385332350403278, 8);
    expect(studentUpperTail(-1, 7)).toBeCloseTo(0.8246916685898963, 8);
    expect(studentUpperTail(2, 22.992700729927005)).toBeCloseTo(0.02872419812989793, 8);
  });
});

describe("twoProportionTest", () => {
  it("30 of 100 against 20 of 100: pooled 0.25, se = sqrt(0.25 * 0.75 * 0.02), z = 1.633", () => {
    const up = twoProportionTest({ x: 30, n: 100 }, { x: 20, n: 100 }, "increase");
    expect(up.statistic).toBeCloseTo(1.6329931618554523, 10);
    expect(up.pValue).toBeCloseTo(0.051235217429874684, 7);
    // The other direction is the complement.
    expect(twoProportionTest({ x: 30, n: 100 }, { x: 20, n: 100 }, "decrease").pValue).toBeCloseTo(1 - 0.051235217429874684, 7);
  });

  it("carries no evidence when both rates are 0 (or both 1)", () => {
    expect(twoProportionTest({ x: 0, n: 500 }, { x: 0, n: 5000 }, "increase")).toEqual({ statistic: 0, pValue: 1 });
    expect(twoProportionTest({ x: 500, n: 500 }, { x: 5000, n: 5000 }, "increase")).toEqual({ statistic: 0, pValue: 1 });
  });
});

describe("welchTest", () => {
  it("mean 10, variance 4, n 10 against mean 8, variance 9, n 15: t = 2, df = 22.99", () => {
    // Moments that give those means and sample variances: sumSq = (n - 1) * var + n * mean^2.
    const recent = { n: 10, sum: 100, sumSq: 9 * 4 + 10 * 100 };
    const reference = { n: 15, sum: 120, sumSq: 14 * 9 + 15 * 64 };
    expect(varianceOf(recent)).toBeCloseTo(4, 10);
    expect(varianceOf(reference)).toBeCloseTo(9, 10);
    const result = welchTest(recent, reference, "increase");
    expect(result.statistic).toBeCloseTo(2, 10);
    expect(result.df).toBeCloseTo(22.992700729927005, 8);
    expect(result.pValue).toBeCloseTo(0.02872419812989793, 8);
    expect(welchTest(recent, reference, "decrease").pValue).toBeCloseTo(1 - 0.02872419812989793, 8);
  });

  it("carries no evidence without spread", () => {
    expect(welchTest({ n: 5, sum: 5, sumSq: 5 }, { n: 9, sum: 9, sumSq: 9 }, "decrease").pValue).toBe(1);
  });
});

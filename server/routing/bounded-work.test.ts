// Texts are attacker-controlled: token counting and routing must take time linear in a text's
// length (or bounded by its caps) whatever the characters, and never throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINEAR_RATIO_BOUND, measureGrowth } from "../testing/expect-linear-time";
import { countTokensExact, createTokenCounter, MAX_PIECE_BYTES, REQUEST_EXACT_CHARS } from "./count-tokens";
import { hasLongQuote } from "./difficulty-features";
import { estimateTokens } from "./estimate-tokens";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "./defaults";
import { route } from "./route";

const repeatTo = (pattern: string, n: number) => pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n);
const routeText = (content: string) => route({ request: { messages: [{ role: "user", content }] }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: new Date(0) });

// Runs of one character and of short patterns: the inputs that make backtracking regular
// expressions and byte-pair merging quadratic.
const RUNS = ["a", "A", "4", " ", "\n", "\t", "“", '"', "$", "\\", "-", ".", "%", "中", "😀", "a ", "1 ", "\n ", "“$", "61", "a.", "-a", "<a>"];

describe("token counting", () => {
  it("is linear on long pieces (no spaces), where byte-pair merging alone is quadratic", () => {
    for (const unit of ["a", "中", "😀", "ab1"]) {
      const g = measureGrowth((n) => repeatTo(unit, n), countTokensExact, 4_000);
      expect(g.ratio, `${unit}: ${g.smallMs.toFixed(1)} → ${g.largeMs.toFixed(1)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
    }
  });

  it("counts a piece longer than the merge window close to its windows' sum", () => {
    const long = "a".repeat(MAX_PIECE_BYTES * 10);
    expect(countTokensExact(long)).toBe(10 * countTokensExact("a".repeat(MAX_PIECE_BYTES)));
  });

  it("counts a million characters of any shape in well under the 50 ms budget, estimating past its cap", () => {
    for (const unit of ["a", "the quick brown fox ", "中文", "😀", "1234567890"]) {
      const text = repeatTo(unit, 1_000_000);
      const counter = createTokenCounter();
      const started = performance.now();
      const n = counter.count(text);
      expect(performance.now() - started).toBeLessThan(50);
      expect(n).toBeGreaterThan(0);
      expect(counter.estimated).toBe(true);
    }
    const small = createTokenCounter();
    small.count("a".repeat(REQUEST_EXACT_CHARS));
    expect(small.estimated).toBe(false);
  });

  it("never throws and grows linearly for arbitrary strings (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), (unit) => {
        const exact = countTokensExact(unit);
        expect(exact).toBeGreaterThanOrEqual(0);
        expect(estimateTokens(unit)).toBeGreaterThanOrEqual(1);
        const g = measureGrowth((n) => repeatTo(unit, n), (t) => createTokenCounter().count(t), 8_000, 1, 2);
        expect(g.ratio, `${JSON.stringify(unit)}: ${g.smallMs.toFixed(2)} → ${g.largeMs.toFixed(2)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});

describe("routing work", () => {
  it("takes about the time of an ordinary prompt on runs of any character, whatever their length", () => {
    // The classifier reads at most 1,300 characters of the last turn; its regular expressions
    // must not backtrack quadratically over them (a run of digits took 20 ms), and token
    // counts are estimated from samples, so a million characters cost little more.
    const fastestOf = (text: string) => {
      routeText(text);
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        routeText(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const ordinary = fastestOf(repeatTo("Write a Python function that checks whether a number is prime. ", 1_300));
    for (const unit of RUNS) {
      expect(fastestOf(repeatTo(unit, 1_300)), JSON.stringify(unit)).toBeLessThan(Math.max(10 * ordinary, 3));
      expect(fastestOf(repeatTo(unit, 1_000_000)), JSON.stringify(unit)).toBeLessThan(Math.max(20 * ordinary, 10));
    }
  });

  it("routes arbitrary text without throwing (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3_000 }), fc.string({ unit: "binary", maxLength: 200 }), (content, system) => {
        const decision = route({ request: { system, messages: [{ role: "user", content }] }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: new Date(0) });
        expect(typeof decision.category).toBe("string");
        expect(decision.difficulty).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("long-quote cue", () => {
  it("agrees with the regular expression it replaces", () => {
    const re = /["“].{20,}["”]/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('"', "“", "”", "a", " ", "\n", "\r", "\u2028", "bcdefghij"), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(hasLongQuote(text), JSON.stringify(text)).toBe(re.test(text));
      }),
      { numRuns: 3_000, seed: 3 },
    );
  });
});

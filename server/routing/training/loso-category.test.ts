import { describe, expect, it } from "vitest";
import { DEFAULT_CLASSIFIER_OPTIONS, type LabelledRow } from "./build-classifier";
import { chooseClassifierOptions, losoCategory } from "./loso-category";

const row = (source: string, category: string, prompt: string, i: number): LabelledRow => ({ id: `${source}-${i}`, source, category, prompt });

/** Two categories, each written in three sources' styles; every style keeps the category's vocabulary. */
function rows(): LabelledRow[] {
  const out: LabelledRow[] = [];
  const coding = ["Write a Python function that {x} and return the list.", "def solve(items):\n    # {x}\n    return items", "Fix the bug in this JavaScript code that {x}: const f = (a) => a.map(x => x);"];
  const math = ["Solve for x: {n}x + 3 = {m}. What is the value of x?", "A shop sold {n} apples and {m} pears. How many fruits in total?", "Compute the integral of {n}x^2 from 0 to {m}."];
  const tasks = ["sorts numbers", "removes duplicates", "reverses a string", "counts words", "parses dates", "merges lists"];
  ["s1", "s2", "s3"].forEach((source, s) => {
    for (let i = 0; i < 30; i++) {
      out.push(row(source, "coding", coding[s]!.replace("{x}", tasks[i % tasks.length]!), i));
      out.push(row(source, "math", math[s]!.replace("{n}", String(i + 2)).replace("{m}", String(3 * i + 7)), 100 + i));
    }
  });
  return out;
}

describe("leave-one-source-out category accuracy", () => {
  it("scores every source with a classifier that never saw it", () => {
    const all = rows();
    const train = all.filter((r) => Number(r.id.split("-")[1]) % 5 !== 0);
    const test = all.filter((r) => Number(r.id.split("-")[1]) % 5 === 0);
    const report = losoCategory(train, test, [], { ...DEFAULT_CLASSIFIER_OPTIONS, epochs: 3 });
    expect(Object.keys(report.perSource)).toEqual(["s1", "s2", "s3"]);
    for (const v of Object.values(report.perSource)) {
      expect(v.rows).toBe(60);
      expect(v.categories).toEqual(["coding", "math"]);
    }
    // The styles share the categories' vocabulary, so an unseen style is still mostly right.
    expect(report.macro).toBeGreaterThan(0.8);
    expect(report.min).toBe(Math.min(...Object.values(report.perSource).map((v) => v.accuracy)));
    expect(report.pooled).toBeCloseTo(report.macro, 6); // equal-sized sources
  });

  it("chooses the best macro among candidates with no source under 0.60, else the best overall", () => {
    const a = { name: "a", macro: 0.9, min: 0.5 };
    const b = { name: "b", macro: 0.85, min: 0.65 };
    const c = { name: "c", macro: 0.86, min: 0.61 };
    expect(chooseClassifierOptions([a, b, c]).name).toBe("c");
    expect(chooseClassifierOptions([a, { ...b, min: 0.4 }]).name).toBe("a");
  });
});

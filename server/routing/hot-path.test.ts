import { describe, expect, it } from "vitest";
import { Tiktoken } from "js-tiktoken/lite";
import o200kBase from "js-tiktoken/ranks/o200k_base";
import { classifyCategory } from "./classify-category";
import { hasMedicalTerm } from "./compute-heuristics";
import { countTokens, countTokensExact } from "./count-tokens";
import { estimateTokens, TOKEN_SCAN_CHARS } from "./estimate-tokens";
import { extractPromptText } from "./extract-prompt-text";
import { fusedWeights } from "./fused-weights";
import { getClassifierModel, getDifficultyModel } from "./load-model";

const prompts = [
  "Write a Python function that checks whether a number is prime.",
  "Tom had 12 apples. He gave 5 to Anna and bought 7 more. How many apples does he have now?",
  "请用Python写一个快速排序算法。然后解释它的时间复杂度。",
  "Open the Settings app and turn on dark mode, then restart the phone.",
  "Σύντομο κείμενο ΟΔΟΣ — naïve café résumé 😀🚀 <|endoftext|>\n\n\t  indented   spaces",
  "def add(a: int, b: int) -> int:\n    \"\"\"Return the sum.\n    >>> add(2, 3)\n    5\n    \"\"\"\n    return a + b\n",
];

describe("exact token counting", () => {
  it("equals js-tiktoken's encode length", () => {
    const enc = new Tiktoken(o200kBase);
    for (const p of [...prompts, prompts.join(" ").repeat(3), "", " ", "a", "\n\n\n", "0123456789".repeat(7)]) {
      expect(countTokensExact(p)).toBe(enc.encode(p, [], []).length); // special-token text counts as plain text
    }
  });
});

describe("long-message token estimate", () => {
  it("is close to the exact count and bounded in work for very long text", () => {
    const text = prompts.slice(0, 4).join("\n").repeat(40);
    expect(text.length).toBeGreaterThan(TOKEN_SCAN_CHARS);
    const exact = countTokensExact(text);
    expect(Math.abs(countTokens(text) - exact) / exact).toBeLessThan(0.15);
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("x")).toBeGreaterThanOrEqual(1);
  });
});

describe("fused weight table", () => {
  it("scores like the float weights", () => {
    const model = getClassifierModel();
    expect(fusedWeights(model.weights, getDifficultyModel().weights)).not.toBeNull();
    // Without the int16 copy the classifier cannot fuse and scores from the float table.
    const unfused = { ...model, weights: { ...model.weights, sparseQ: undefined } };
    expect(fusedWeights(unfused.weights, getDifficultyModel().weights)).toBeNull();
    for (const p of prompts) {
      const text = extractPromptText({ messages: [{ role: "user", content: p.repeat(20) }] });
      const a = classifyCategory(text, model);
      const b = classifyCategory(text, unfused);
      expect(a.category).toBe(b.category);
      for (const k of model.labels) expect(a.probabilities[k]).toBeCloseTo(b.probabilities[k]!, 5);
    }
  });
});

describe("medical-term scan", () => {
  it("agrees with the regular expression it replaces", () => {
    const re =
      /\b[a-z]{3,}(?:itis|osis|emia|aemia|oma|omas|pathy|ectomy|otomy|plasia|algia|trophy|iasis|ococcal|ococcus|virus|viral|uria|penia|cytosis|sclerosis|plegia|rrhea|rrhoea)\b|\b(?:syndrome|disease|disorder|deficiency|infection|cancer|tumou?r|carcinoma|fever|palsy)\b/;
    const parts = ["itis", "oma", "omas", "rrhoea", "virus", "syndrome", "tumour", "tumor", "fever", "ab", "abc", "x", "_", "1", "é", " ", "-", ".", "Z", "\n"];
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      const n = 1 + Math.floor(rnd() * 6);
      for (let j = 0; j < n; j++) s += parts[Math.floor(rnd() * parts.length)];
      expect(hasMedicalTerm(s), s).toBe(re.test(s));
    }
  });
});

import { describe, expect, it } from "vitest";
import { route } from "./route";
import { formatBelow } from "./explain-decision";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "./defaults";
import { isChatModel } from "./model-kind";
import { countTokens, countTokensExact } from "./count-tokens";
import { estimateCost, usageCost } from "./estimate-cost";
import { classifyCategory } from "./classify-category";
import { extractPromptText } from "./extract-prompt-text";
import type { RouteInput, RouteRequest, RoutingPolicy } from "./types";

const NOW = new Date("2026-03-15T12:00:00Z");
const input = (request: RouteRequest, policy: RoutingPolicy = DEFAULT_POLICY): RouteInput => ({
  request, catalog: DEFAULT_CATALOG, policy, unhealthy: {}, now: NOW,
});
const user = (content: string): RouteRequest => ({ messages: [{ role: "user", content }] });
const classify = (r: RouteRequest) => classifyCategory(extractPromptText(r));

describe("category classifier", () => {
  it.each([
    ["Write a Python function that returns the second largest number in a list.", "coding"],
    ["def add(a: int, b: int) -> int:\n    \"\"\"Return the sum of a and b.\n    >>> add(2, 3)\n    5\n    \"\"\"\n", "coding"],
    ["Here is my code:\n```js\nconst x = [1,2,3].map(n => n * 2)\nconsole.log(x)\n```\nWhy does it print an array?", "coding"],
    ["Tom had 12 apples. He gave 5 to Anna and bought 7 more. How many apples does he have now?", "math"],
    ["Find all real $x$ such that $x^2 - 5x + 6 = 0$.", "math"],
    ["What is the pH of a 0.01 M HCl solution?\nA. 1\nB. 2\nC. 7\nD. 12", "science"],
    ["Open the Settings app and turn on dark mode", "computer_use"],
    ["On amazon.com find the cheapest wireless mouse with at least 4 stars", "computer_use"],
    ["Compose an engaging travel blog post about a recent trip to Hawaii.", "general"],
    ["Rewrite this email more formally: hey, can't make it tomorrow.", "general"],
  ])("classifies %j as %s", (prompt, expected) => {
    expect(classify(user(prompt)).category).toBe(expected);
  });

  it("handles non-English prompts", () => {
    expect(classify(user("请用Python写一个快速排序算法。")).category).toBe("coding");
    expect(classify(user("¿Cuál es la capital de Australia?")).category).toBe("general");
  });

  it("returns calibrated probabilities that sum to 1", () => {
    const p = classify(user("Solve for x: 3x + 7 = 22"));
    const sum = Object.values(p.probabilities).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
    expect(p.confidence).toBe(Math.max(...Object.values(p.probabilities)));
  });

  it("uses the last user turn of a multi-turn chat", () => {
    const r: RouteRequest = {
      messages: [
        { role: "user", content: "Write a poem about autumn." },
        { role: "assistant", content: "Leaves fall..." },
        { role: "user", content: "Now write a Python function that counts the vowels in a string." },
      ],
    };
    expect(classify(r).category).toBe("coding");
  });

  it("lets the system prompt and tools inform a short last turn", () => {
    const bare = classify(user("Do it now."));
    const withCtx = classify({
      messages: [{ role: "user", content: "Do it now." }],
      system: "You are a browser agent. You can click buttons, type into fields and navigate websites.",
      tools: [{ name: "click_element", description: "Click a button or link on the web page" }, { name: "open_url", description: "Navigate the browser to a URL" }],
    });
    expect(withCtx.category).toBe("computer_use");
    expect(withCtx.probabilities.computer_use!).toBeGreaterThan(bare.probabilities.computer_use!);
  });
});

describe("route: category source", () => {
  it("falls back to the policy default below the confidence threshold", () => {
    const policy = { ...DEFAULT_POLICY, confidenceThreshold: 1.01 };
    const d = route(input(user("Write a Python function that reverses a string."), policy));
    expect(d.categorySource).toBe("default");
    expect(d.category).toBe("general");
    expect(d.classifierCategory).toBe("coding");
    expect(d.categoryDetail).toMatch(/threshold 1.01/);
  });

  it("never shows a confidence below the threshold rounded up to it", () => {
    // A prompt whose confidence two decimals round up, with the threshold at that rounded figure.
    const prompts = ["Write a Python function that reverses a string.", "Tell me a joke.", "What is the capital of France?", "Sort this list in Go.", "Plan a trip to Rome."];
    const prompt = prompts.find((p) => Number(classify(user(p)).confidence.toFixed(2)) > classify(user(p)).confidence)!;
    const confidence = classify(user(prompt)).confidence;
    const policy = { ...DEFAULT_POLICY, confidenceThreshold: Number(confidence.toFixed(2)) };
    const d = route(input(user(prompt), policy));
    expect(d.categorySource).toBe("default");
    const shown = Number(/at ([\d.]+) < threshold/.exec(d.categoryDetail ?? "")?.[1]);
    expect(shown).toBeLessThan(policy.confidenceThreshold);
    expect(Math.abs(shown - confidence)).toBeLessThan(0.005);
    expect(formatBelow(0.4996, 0.5)).toBe("0.4996");
    expect(formatBelow(0.3, 0.5)).toBe("0.30");
  });

  it("gives an empty prompt a low confidence and the default category", () => {
    const d = route(input(user("")));
    expect(d.categorySource).toBe("default");
    expect(d.category).toBe(DEFAULT_POLICY.defaultCategory);
    expect(d.confidence).toBeLessThan(DEFAULT_POLICY.confidenceThreshold);
    expect(d.model).not.toBeNull();
  });

  it("honours a forced category and ignores an unknown one with a note", () => {
    const forced = route(input({ ...user("Tell me a joke."), forcedCategory: "coding" }));
    expect(forced).toMatchObject({ category: "coding", categorySource: "forced", confidence: 1 });
    expect(forced.summary).toMatch(/forced by client/);
    const unknown = route(input({ ...user("Tell me a joke."), forcedCategory: "poetry" }));
    expect(unknown.categorySource).not.toBe("forced");
    expect(unknown.notes?.[0]).toMatch(/poetry/);
  });

  it("treats a forced category named like an Object property as one without a rule", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      const d = route(input({ ...user("Tell me a joke."), forcedCategory: name }));
      expect(d.categorySource).not.toBe("forced");
      expect(d.model).not.toBeNull();
      expect(d.notes?.[0]).toContain(`forced category "${name}" has no rule`);
    }
  });

  it("applies tenant custom categories (keywords, metadata) before the classifier", () => {
    const rules = { ...DEFAULT_POLICY.rules, support: { ...DEFAULT_POLICY.rules.general!, qualityBar: 50 }, legal: { ...DEFAULT_POLICY.rules.general! } };
    const policy: RoutingPolicy = {
      ...DEFAULT_POLICY,
      rules,
      customCategories: [
        { name: "support", keywords: ["refund", "order status"] },
        { name: "legal", keywords: ["contract", "NDA"], metadata: { team: "legal" } },
      ],
    };
    const kw = route(input(user("I want a REFUND for my order"), policy));
    expect(kw).toMatchObject({ category: "support", categorySource: "rule" });
    expect(kw.categoryDetail).toMatch(/keyword "refund"/);
    // whole words only
    expect(route(input(user("Write a Python function named refunded_total"), policy)).category).toBe("coding");
    const meta = route(input({ ...user("Review this NDA"), metadata: { team: "legal" } }, policy));
    expect(meta).toMatchObject({ category: "legal", categorySource: "rule" });
    expect(route(input({ ...user("Review this NDA"), metadata: { team: "sales" } }, policy)).category).not.toBe("legal");
    // forced beats rules
    expect(route(input({ ...user("refund please"), forcedCategory: "math" }, policy)).category).toBe("math");
  });
});

describe("route: robustness and determinism", () => {
  it("handles very long prompts quickly and estimates their tokens", () => {
    const long = "Please refactor the following JavaScript code. ".repeat(5000) + "\nfunction f(a){return a+1}";
    const t0 = performance.now();
    const d = route(input(user(long)));
    expect(performance.now() - t0).toBeLessThan(200);
    expect(d.estimate.inputTokens).toBeGreaterThan(30_000);
    expect(d.category).toBe("coding");
  });

  it("counts tokens exactly for short text and extrapolates within 15% for long text", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello world")).toBe(countTokensExact("hello world"));
    const text = "The quick brown fox jumps over the lazy dog. ".repeat(100);
    const exact = countTokensExact(text);
    expect(Math.abs(countTokens(text) - exact) / exact).toBeLessThan(0.15);
  });

  it("is deterministic: the same input gives the same decision", () => {
    const r: RouteRequest = { messages: [{ role: "user", content: "Prove that the square root of 2 is irrational." }] };
    const a = route(input(r));
    route(input(user("something else entirely, to disturb any scratch state")));
    const b = route(input(r));
    expect(b).toEqual(a);
  });

  it("explains every catalog chat model with a status and reason", () => {
    const d = route(input(user("Write a Python function that reverses a string.")));
    expect(d.candidates.map((c) => c.modelId).sort()).toEqual(DEFAULT_CATALOG.filter(isChatModel).map((m) => m.id).sort());
    for (const c of d.candidates) {
      expect(["chosen", "fallback", "skipped"]).toContain(c.status);
      expect(c.reason.length).toBeGreaterThan(3);
    }
    expect(d.candidates.filter((c) => c.status === "chosen")).toHaveLength(1);
    expect(d.candidates.find((c) => c.modelId === "glm-5")?.expectedCostUsd).toBeNull();
    expect(d.difficulty).toBeGreaterThanOrEqual(0);
    expect(d.difficulty).toBeLessThanOrEqual(1);
    expect(d.summary).toContain(d.model!.id);
  });
});

describe("estimateCost", () => {
  it("prices known models and refuses to invent a price", () => {
    const gpt = DEFAULT_CATALOG.find((m) => m.id === "gpt-5.4")!;
    expect(estimateCost(gpt, 1_000_000, 1_000_000)).toEqual({ priced: true, usd: 22.5 });
    const glm = DEFAULT_CATALOG.find((m) => m.id === "glm-5")!;
    const r = estimateCost(glm, 1000, 100);
    expect(r.priced).toBe(false);
    if (!r.priced) expect(r.reason).toMatch(/output price unknown/);
    expect(estimateCost(glm, 1000, 0)).toEqual({ priced: true, usd: 0.001 });
  });

  it("gives figures without binary noise, as an explanation shows them", () => {
    const gpt = DEFAULT_CATALOG.find((m) => m.id === "gpt-5.4")!;
    // The plain sum of the two parts is 0.0013375000000000001.
    expect(estimateCost(gpt, 23, 64)).toEqual({ priced: true, usd: 0.0013375 });
  });
});

describe("usageCost", () => {
  const opus = DEFAULT_CATALOG.find((m) => m.id === "claude-opus-4.6")!;
  it("prices prompt-cache reads and writes at the model's cache prices", () => {
    // 1M input of which 600k read from the cache ($0.50/M) and 100k written ($6.25/M); 300k plain ($5/M); no output.
    const cost = usageCost(opus, { input: 1_000_000, output: 0, cachedInput: 600_000, cacheWrite: 100_000 });
    expect(cost.priced && cost.usd).toBeCloseTo(0.3 + 0.625 + 1.5, 10);
    expect(usageCost(opus, { input: 1_000_000, output: 1_000_000 })).toEqual(estimateCost(opus, 1_000_000, 1_000_000));
  });

  it("prices cache tokens as input where the catalog has no cache price, and never beyond the input", () => {
    const glm = DEFAULT_CATALOG.find((m) => m.id === "glm-5")!;
    expect(usageCost(glm, { input: 1_000_000, output: 0, cachedInput: 500_000 })).toEqual({ priced: true, usd: 1 });
    const overReported = usageCost(opus, { input: 100, output: 0, cachedInput: 500, cacheWrite: 50 });
    expect(overReported.priced && overReported.usd).toBeCloseTo((100 * 0.5) / 1_000_000, 12);
    expect(usageCost(glm, { input: 10, output: 10, cachedInput: 10 }).priced).toBe(false);
  });
});

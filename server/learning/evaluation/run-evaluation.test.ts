import { describe, expect, it } from "vitest";
import type { ChatRequest, ChatResponse } from "../../providers/types";
import type { CatalogModel } from "../../routing/types";
import { InProcessBudgetStore } from "../../limits/budget-store";
import { EvaluationBudget } from "./evaluation-budget";
import { knownSpend } from "../../testing/evaluation-spend";
import { answersOf } from "./judge-prompt";
import { runEvaluation, type EvaluationDeps, type EvaluationJob, type EvaluationRow } from "./run-evaluation";

const model = (id: string, price: number): CatalogModel => ({
  id, provider: "openai", providerModelId: id, displayName: id, inputPricePerMTok: price, outputPricePerMTok: price,
  contextWindow: 100_000, quality: { coding: 70 }, latencyMs: null, enabled: true, deprecatedAt: null, replacementModelId: null,
});
const served = model("served", 1);
const challenger = model("challenger", 0.5);
const judge = model("judge", 2);

const request: ChatRequest = { messages: [{ role: "user", content: [{ type: "text", text: "Sort a list in Python" }] }], stream: true };
const job = (over: Partial<EvaluationJob> = {}): EvaluationJob => ({
  tenantId: "t1", requestId: "req_1", category: "coding", request, served, servedAnswer: "SERVED", challenger, judge, budgetUsd: 10,
  inputTokens: 100, outputTokens: 100, ...over,
});

const reply = (content: string, tokens = 1_000_000): ChatResponse => ({ id: "x", model: "m", content, toolCalls: [], finishReason: "stop", usage: { inputTokens: tokens, outputTokens: 0 } });

/**
 * Deps whose judge answers with `judgeFor(a, b)` for the answers it is shown; calls and saved rows
 * are recorded. Each call uses a million input tokens, so its cost is its model's price.
 */
function harness(judgeFor: (a: string, b: string) => string | Error, opts: { challengerFails?: boolean; spent?: number } = {}) {
  const calls: { model: string; request: ChatRequest }[] = [];
  const saved: { row: EvaluationRow; judgement: unknown }[] = [];
  const store = new InProcessBudgetStore();
  const budget = new EvaluationBudget(store, async () => opts.spent ?? 0);
  const deps: EvaluationDeps = {
    callModel: async (m, req) => {
      calls.push({ model: m.id, request: req });
      if (m.id === "challenger") {
        if (opts.challengerFails) throw new Error("upstream said: secret detail");
        return reply("CHALLENGER");
      }
      const part = req.messages[0]!.content[0]!;
      const answers = answersOf(part.type === "text" ? part.text : "")!;
      const out = judgeFor(answers.a, answers.b);
      if (out instanceof Error) throw out;
      return reply(out);
    },
    price: (m, usage) => (m.inputPricePerMTok! * usage.inputTokens) / 1_000_000,
    budget,
    save: async (row, judgement) => {
      saved.push({ row, judgement });
    },
    now: () => new Date("2026-12-10T00:00:00Z"),
    warn: () => {},
  };
  return { deps, calls, saved, budget, store };
}

describe("runEvaluation", () => {
  it("asks the challenger the same request (not streamed), then the judge twice with the answers swapped", async () => {
    const h = harness((a) => (a === "SERVED" ? "VERDICT: A" : "VERDICT: B"));
    expect(await runEvaluation(job(), h.deps)).toBe("ok");
    expect(h.calls.map((c) => c.model)).toEqual(["challenger", "judge", "judge"]);
    expect(h.calls[0]!.request).toEqual({ ...request, stream: false });
    const shown = h.calls.slice(1).map((c) => answersOf((c.request.messages[0]!.content[0] as { text: string }).text));
    expect(shown).toEqual([{ a: "SERVED", b: "CHALLENGER" }, { a: "CHALLENGER", b: "SERVED" }]);
    expect(h.saved).toEqual([{
      row: { tenantId: "t1", requestId: "req_1", category: "coding", servedModel: "served", challengerModel: "challenger", judgeModel: "judge", status: "ok", servedWins: 1, costUsd: 0.5 + 2 + 2 },
      judgement: { category: "coding", served: "served", challenger: "challenger" },
    }]);
    expect(knownSpend(h.store, "t1")).toEqual({ spentUsd: 4.5, reservedUsd: 0 });
  });

  it("a judge biased to the first position yields a draw (0.5), not a win for whoever came first", async () => {
    const h = harness(() => "VERDICT: A");
    await runEvaluation(job(), h.deps);
    expect(h.saved[0]!.row).toMatchObject({ status: "ok", servedWins: 0.5 });
  });

  it("a loss in both readings is 0, and a tie in one is averaged", async () => {
    const lose = harness((a) => (a === "CHALLENGER" ? "VERDICT: A" : "VERDICT: B"));
    await runEvaluation(job(), lose.deps);
    expect(lose.saved[0]!.row.servedWins).toBe(0);
    const tie = harness((a) => (a === "SERVED" ? "VERDICT: TIE" : "VERDICT: B"));
    await runEvaluation(job(), tie.deps);
    expect(tie.saved[0]!.row.servedWins).toBe(0.75);
  });

  it("over budget: an over_budget row, no provider call, no judgement", async () => {
    const h = harness(() => "VERDICT: A", { spent: 10 });
    expect(await runEvaluation(job(), h.deps)).toBe("over_budget");
    expect(h.calls).toEqual([]);
    expect(h.saved).toEqual([{ row: expect.objectContaining({ status: "over_budget", servedWins: null, costUsd: 0 }), judgement: null }]);
    // No budget at all: the same (the gateway does not even offer these; the job is safe anyway).
    const none = harness(() => "VERDICT: A");
    expect(await runEvaluation(job({ budgetUsd: null }), none.deps)).toBe("over_budget");
    expect(none.calls).toEqual([]);
  });

  it("a failed challenger: challenger_failed, the judge is not asked, the budget is released", async () => {
    const h = harness(() => "VERDICT: A", { challengerFails: true });
    expect(await runEvaluation(job(), h.deps)).toBe("challenger_failed");
    expect(h.calls.map((c) => c.model)).toEqual(["challenger"]);
    expect(h.saved[0]).toEqual({ row: expect.objectContaining({ status: "challenger_failed", servedWins: null, costUsd: 0 }), judgement: null });
    expect(knownSpend(h.store, "t1")).toEqual({ spentUsd: 0, reservedUsd: 0 });
  });

  it("a judge that fails or gives no verdict in either reading: judge_failed with what was spent, no judgement", async () => {
    const failing = harness((a) => (a === "SERVED" ? new Error("500") : "VERDICT: B"));
    expect(await runEvaluation(job(), failing.deps)).toBe("judge_failed");
    expect(failing.saved[0]).toEqual({ row: expect.objectContaining({ status: "judge_failed", servedWins: null, costUsd: 2.5 }), judgement: null });
    const rambling = harness(() => "Both have merits.");
    expect(await runEvaluation(job(), rambling.deps)).toBe("judge_failed");
    expect(rambling.saved[0]!.row.costUsd).toBe(4.5);
  });

  it("an unpriced call leaves the row's cost null", async () => {
    const h = harness(() => "VERDICT: A");
    h.deps.price = (m, usage) => (m.id === "judge" ? null : usage.inputTokens / 1_000_000);
    await runEvaluation(job(), h.deps);
    expect(h.saved[0]!.row.costUsd).toBeNull();
  });

  it("never throws: a store that fails is logged and the reservation released", async () => {
    const h = harness(() => "VERDICT: A");
    const warnings: string[] = [];
    h.deps.warn = (m) => warnings.push(m);
    h.deps.save = async () => {
      throw new Error("database down");
    };
    await expect(runEvaluation(job(), h.deps)).resolves.toBeNull();
    expect(warnings.join()).toMatch(/could not be recorded/);
    expect(knownSpend(h.store, "t1")!.reservedUsd).toBe(0);
  });
});

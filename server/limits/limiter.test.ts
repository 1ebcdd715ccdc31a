import { describe, expect, it } from "vitest";
import { InProcessBudgetStore, type BudgetStore } from "./budget-store";
import { Limiter, type LimitSubject, type LimitsConfig, DEFAULT_LIMITS_CONFIG } from "./limiter";
import { InProcessRateWindowStore } from "./rate-window-store";
import { expectedPlanCostUsd } from "./expected-cost";

const subject: LimitSubject = { tenantId: "t", keyId: "k", keyName: "Backend", teamId: "team", rpmLimit: null, tpmLimit: null, keyBudgetUsd: null, teamBudgetUsd: null };

function limiter(options: { spent?: number; config?: Partial<LimitsConfig>; start?: number } = {}) {
  const clock = { now: options.start ?? Date.UTC(2026, 10, 20, 12, 0, 30) };
  const loads: string[] = [];
  const instance = new Limiter(new InProcessRateWindowStore(), new InProcessBudgetStore(), async (_t, scope) => {
    loads.push(`${scope.kind}:${scope.id}`);
    return options.spent ?? 0;
  }, { ...DEFAULT_LIMITS_CONFIG, ...options.config }, () => clock.now);
  return { limiter: instance, clock, loads };
}

describe("rate limits", () => {
  it("refuses the request over the per-minute limit until the next window", async () => {
    const { limiter: l, clock } = limiter();
    const s = { ...subject, rpmLimit: 2 };
    for (let i = 0; i < 2; i++) expect((await l.admit({ subject: s, estimatedTokens: 10, expectedCostUsd: 0 })).admitted).toBe(true);
    expect(await l.admit({ subject: s, estimatedTokens: 10, expectedCostUsd: 0 })).toEqual({ admitted: false, status: 429, reason: "rate_limit", message: expect.stringContaining("2 requests per minute"), retryAfterSeconds: 30, retrySoon: true });
    clock.now += 30_000;
    expect((await l.admit({ subject: s, estimatedTokens: 10, expectedCostUsd: 0 })).admitted).toBe(true);
  });

  it("charges estimated tokens and corrects them with the real usage", async () => {
    const { limiter: l } = limiter();
    const s = { ...subject, tpmLimit: 1_000 };
    const first = await l.admit({ subject: s, estimatedTokens: 800, expectedCostUsd: 0 });
    expect((await l.admit({ subject: s, estimatedTokens: 300, expectedCostUsd: 0 })).admitted).toBe(false);
    if (!first.admitted) throw new Error("expected admission");
    await l.settle(first.ticket, { costUsd: 0, tokens: 500 });
    expect((await l.admit({ subject: s, estimatedTokens: 300, expectedCostUsd: 0 })).admitted).toBe(true);
  });

  it("admits a request larger than the whole token limit into an empty window only", async () => {
    const { limiter: l } = limiter();
    const s = { ...subject, tpmLimit: 100 };
    expect((await l.admit({ subject: s, estimatedTokens: 5_000, expectedCostUsd: 0 })).admitted).toBe(true);
    expect((await l.admit({ subject: s, estimatedTokens: 1, expectedCostUsd: 0 })).admitted).toBe(false);
  });
});

describe("budgets", () => {
  const budgeted = { ...subject, keyBudgetUsd: 1 };

  it("starts from the month-to-date spend once, holds expected cost x multiplier, settles the real cost", async () => {
    const { limiter: l, loads } = limiter({ spent: 0.9 });
    const first = await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.04 });
    expect(first.admitted).toBe(true);
    // 0.9 spent + 0.08 held + 0.08 > 1: refused while the first is in flight, with a short wait.
    expect(await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.04 })).toMatchObject({ admitted: false, status: 429, retryAfterSeconds: 5 });
    if (!first.admitted) throw new Error("expected admission");
    await l.settle(first.ticket, { costUsd: 0.01, tokens: 10 });
    expect((await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.04 })).admitted).toBe(true);
    expect(loads).toEqual(["key:k"]);
  });

  it("a used-up budget asks to come back next month, and says so", async () => {
    const { limiter: l } = limiter({ spent: 1 });
    const refused = await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.01 });
    expect(refused).toMatchObject({ admitted: false, status: 429, reason: "budget_used_up", retrySoon: false, message: expect.stringContaining("is used up ($1.0000 spent)") });
    // 2026-11-20 12:00:30 UTC -> 2026-12-01 00:00:00 UTC
    expect(!refused.admitted && refused.retryAfterSeconds).toBe(((10 * 24 + 11) * 60 + 59) * 60 + 30);
  });

  it("a request whose hold does not fit in what is left is told so, with no wait, and a smaller one passes", async () => {
    const { limiter: l } = limiter({ spent: 0.99 });
    const refused = await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.01 });
    expect(refused).toEqual({
      admitted: false, status: 402, reason: "budget_too_small", retryAfterSeconds: null, retrySoon: false,
      message: 'This request needs an estimated $0.0200 but only $0.0100 of the monthly budget of key "Backend" ($1.0000) is left; send a smaller request (lower max_tokens) or raise the budget',
    });
    expect((await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.004 })).admitted).toBe(true);
  });

  it("names amounts below a cent to the stored precision", async () => {
    const { limiter: l } = limiter({ spent: 0.999995 });
    const refused = await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.000004 });
    expect(refused).toMatchObject({ status: 402, message: expect.stringContaining("needs an estimated $0.00000800 but only $0.00000500") });
  });

  it("checks the team's budget as well as the key's", async () => {
    const { limiter: l } = limiter({ spent: 0.5 });
    const teamCapped = { ...budgeted, keyBudgetUsd: 100, teamBudgetUsd: 0.55 };
    expect(await l.admit({ subject: teamCapped, estimatedTokens: 10, expectedCostUsd: 0.05 })).toMatchObject({ admitted: false, message: expect.stringContaining('the team of key "Backend"') });
  });

  it("releases the hold of a reserve that failed after it was applied (a late answer past the call's timeout)", async () => {
    const store = new InProcessBudgetStore();
    let late = true;
    const flaky: BudgetStore = {
      reserve: async (request) => {
        const result = await store.reserve(request);
        if (late && result.status === "reserved") {
          late = false;
          throw new Error("no answer within 5000 ms");
        }
        return result;
      },
      initialise: (scope, month, spent) => store.initialise(scope, month, spent),
      settle: (reservation, units) => store.settle(reservation, units),
    };
    const l = new Limiter(new InProcessRateWindowStore(), flaky, async () => 0, DEFAULT_LIMITS_CONFIG, () => Date.UTC(2026, 10, 20, 12));
    // Each request holds $0.60 of the $1 budget (twice its expected $0.30).
    expect(await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.3 })).toMatchObject({ admitted: false, status: 503, reason: "budget_unavailable" });
    await new Promise((r) => setImmediate(r));
    expect((await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.3 })).admitted).toBe(true);
  });

  it("unpriced requests hold a fixed amount, or are refused by configuration", async () => {
    const reserve = limiter({ spent: 0.6, config: { unpricedReserveUsd: 0.3 } }).limiter;
    expect((await reserve.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: null })).admitted).toBe(true);
    expect((await reserve.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: null })).admitted).toBe(false);
    const refuse = limiter({ config: { unpriced: "refuse" } }).limiter;
    expect(await refuse.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: null })).toMatchObject({ admitted: false, status: 403, reason: "unpriced_model", retryAfterSeconds: null });
    // The fixed hold of an unpriced request is not lowered by a smaller request: the remedy says so.
    const tight = limiter({ spent: 0.9, config: { unpricedReserveUsd: 0.3 } }).limiter;
    expect(await tight.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: null })).toMatchObject({ status: 402, message: expect.stringContaining("ask for a model with a known price") });
    expect((await refuse.admit({ subject, estimatedTokens: 10, expectedCostUsd: null })).admitted).toBe(true);
  });

  it("a hold that is never settled expires with its lease", async () => {
    const { limiter: l, clock } = limiter({ config: { leaseMs: 60_000 } });
    expect((await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.5 })).admitted).toBe(true);
    expect((await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.5 })).admitted).toBe(false);
    clock.now += 60_000;
    expect((await l.admit({ subject: budgeted, estimatedTokens: 10, expectedCostUsd: 0.5 })).admitted).toBe(true);
  });

  it("a refused budget gives back the tokens it charged to the window", async () => {
    const { limiter: l } = limiter({ spent: 1 });
    const s = { ...budgeted, tpmLimit: 100 };
    expect((await l.admit({ subject: s, estimatedTokens: 100, expectedCostUsd: 0.01 })).admitted).toBe(false);
    expect((await l.admit({ subject: { ...s, keyBudgetUsd: null }, estimatedTokens: 100, expectedCostUsd: 0.01 })).admitted).toBe(true);
  });

  it("asks the window and the budget at once, and a refused window gives back the hold", async () => {
    const windows = new InProcessRateWindowStore();
    const budgets = new InProcessBudgetStore();
    const events: string[] = [];
    const spy = <T>(name: string, call: () => Promise<T>) => {
      events.push(`ask ${name}`);
      return call().finally(() => events.push(`answer ${name}`));
    };
    const l = new Limiter(
      { take: (...a) => spy("window", () => windows.take(...a)), adjustTokens: (...a) => windows.adjustTokens(...a) },
      { reserve: (r) => spy("budget", () => budgets.reserve(r)), settle: (...a) => budgets.settle(...a), initialise: (...a) => budgets.initialise(...a) },
      async () => 0.5,
      DEFAULT_LIMITS_CONFIG,
      () => Date.UTC(2026, 10, 20, 12, 0, 30),
    );
    const s = { ...budgeted, rpmLimit: 1 };
    // The first reserve finds the counter uninitialised and asks again after loading the spend.
    expect((await l.admit({ subject: s, estimatedTokens: 10, expectedCostUsd: 0.1 })).admitted).toBe(true);
    expect(events.slice(0, 2)).toEqual(["ask window", "ask budget"]);
    // The window is full: refused, and its $0.20 hold is released, so $0.30 is still free.
    expect(await l.admit({ subject: s, estimatedTokens: 10, expectedCostUsd: 0.1 })).toMatchObject({ admitted: false, reason: "rate_limit" });
    expect((await l.admit({ subject: { ...s, rpmLimit: null }, estimatedTokens: 10, expectedCostUsd: 0.14 })).admitted).toBe(true);
  });
});

describe("expected plan cost", () => {
  const priced = (id: string, input: number, output: number) => ({ id, inputPricePerMTok: input, outputPricePerMTok: output });
  it("is the priciest model of the plan, or unpriced", () => {
    expect(expectedPlanCostUsd([priced("a", 1, 2), priced("b", 3, 10)], 1_000_000, 100_000)).toBeCloseTo(4);
    expect(expectedPlanCostUsd([priced("a", 1, 2), { id: "c", inputPricePerMTok: null, outputPricePerMTok: 1 }], 10, 10)).toBeNull();
  });
});

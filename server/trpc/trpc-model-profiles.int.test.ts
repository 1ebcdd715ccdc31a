// The Models page's learned profiles through the real router: what the tenant's learned state
// says about each catalog model, with the same usability rule routing applies; the signal rates of
// the requests each model served lately, as the usage writer rolled them up; and nothing of
// another tenant's learning or traffic.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";
import { UsageWriter } from "../usage/usage-writer";
import type { UsageRecord } from "../usage/usage-record";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const DAY_MS = 24 * 60 * 60 * 1000;

function record(tenantId: string, daysAgo: number, overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: randomUUID(), tenantId, apiKeyId: null, teamId: null, policyId: null, endpoint: "openai",
    requestedModel: "auto", category: "coding", categorySource: "classifier", confidence: 0.9, difficulty: 0.4,
    chosenModel: "gpt-5.4", provider: "openai", attempts: [], fallbackCount: 0, inputTokens: 100, outputTokens: 50,
    costUsd: 0.001, baselineCostUsd: 0.002, latencyMs: 400, ttftMs: 150, cacheHit: false, stream: false,
    simulated: true, status: 200, errorClass: null, explanation: { summary: "test" }, finishReason: "stop", signals: [],
    createdAt: new Date(Date.now() - daysAgo * DAY_MS), ...overrides,
  };
}

/** The traffic the page summarises: varied signals over two categories, plus rows it must leave out. */
function traffic(tenantId: string): UsageRecord[] {
  const out: UsageRecord[] = [];
  for (let i = 0; i < 40; i++) out.push(record(tenantId, 0.1 + (i % 20)));
  for (let i = 0; i < 3; i++) out.push(record(tenantId, 2, { finishReason: "length", signals: ["truncated"] }));
  out.push(record(tenantId, 5, { signals: ["refusal"] }), record(tenantId, 6, { finishReason: "content_filter", signals: ["empty", "refusal"] }));
  out.push(record(tenantId, 1, { fallbackCount: 1, signals: ["fallback"] }), record(tenantId, 3, { status: 499, errorClass: "client_closed" }));
  for (let i = 0; i < 10; i++) out.push(record(tenantId, 4 + i, { category: "math", signals: i < 2 ? ["refusal"] : [] }));
  out.push(record(tenantId, 8, { category: "math", finishReason: "length", signals: ["truncated", "fallback"], fallbackCount: 2 }));
  // Outside the window: counted nowhere on the page.
  for (let i = 0; i < 5; i++) out.push(record(tenantId, 45, { signals: ["empty"] }));
  // Failed on every model: no model served, so no model's rates.
  out.push(record(tenantId, 1, { status: 502, chosenModel: null, provider: null, signals: ["error"] }));
  out.push(record(tenantId, 1, { chosenModel: "glm-5", provider: "zhipu", signals: ["refusal"] }));
  return out;
}

/** The rates computed straight from the request rows, independently of the rollups. */
function expectedRates(rows: readonly UsageRecord[]) {
  const n = rows.length;
  const share = (f: (r: UsageRecord) => boolean) => rows.filter(f).length / n;
  return {
    requests: n,
    rates: {
      errors: share((r) => r.status >= 400),
      fallbacks: share((r) => r.fallbackCount > 0),
      emptyAnswers: share((r) => r.signals?.includes("empty") ?? false),
      refusals: share((r) => r.signals?.includes("refusal") ?? false),
      truncations: share((r) => r.signals?.includes("truncated") ?? false),
    },
  };
}

describe("learned profiles on the Models page", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    await t.db.tenantLearning.create({
      data: {
        tenantId: fx.a.tenant.id,
        profiles: {
          coding: { "gpt-5.4": { successes: 380, failures: 20 }, "glm-5": { successes: 3, failures: 1 }, "removed-model": { successes: 50, failures: 50 } },
        },
      },
    });
    written = traffic(fx.a.tenant.id);
    const writer = new UsageWriter(t.db);
    for (const r of written) writer.record(r);
    await writer.flush();
  });
  let written: UsageRecord[] = [];

  it("shows each model's learned quality with its interval and evidence, and whether routing uses it", async () => {
    const rows = await fx.as(fx.a.users.viewer.id).models.profiles();
    const gpt = rows.find((r) => r.slug === "gpt-5.4")!;
    const [coding] = gpt.profiles;
    expect(coding).toMatchObject({ category: "coding", evidence: 400, usedByRouting: true });
    expect(coding!.low).toBeLessThan(coding!.quality);
    expect(coding!.high).toBeGreaterThan(coding!.quality);
    expect(coding!.quality).toBeGreaterThan(90);
    // Four outcomes are far too few: the catalog figure stays in use.
    expect(rows.find((r) => r.slug === "glm-5")?.profiles[0]).toMatchObject({ evidence: 4, usedByRouting: false });
    expect(rows.some((r) => r.slug === "removed-model")).toBe(false);
  });

  it("gives signal rates among all the requests each model served in the last 30 days, in total and per category", async () => {
    const rows = await fx.as(fx.a.users.viewer.id).models.profiles();
    const recent = written.filter((r) => r.createdAt.getTime() > Date.now() - 30 * DAY_MS);
    const served = recent.filter((r) => r.chosenModel === "gpt-5.4");
    const gpt = rows.find((r) => r.slug === "gpt-5.4")!;
    expect(gpt.signals).toMatchObject({ days: 30, ...expectedRates(served) });
    expect(gpt.signals!.requests).toBe(58);
    expect(gpt.signals!.rates.truncations).toBeCloseTo(4 / 58, 12);
    expect(gpt.signals!.byCategory).toEqual(
      ["coding", "math"].map((category) => ({ category, ...expectedRates(served.filter((r) => r.category === category)) })),
    );
    // Rates are per served model: another model's traffic stays its own.
    expect(rows.find((r) => r.slug === "glm-5")!.signals).toMatchObject({ requests: 1, rates: { refusals: 1, errors: 0 } });
  });

  it("shows nothing of another tenant's learning", async () => {
    expect(await fx.as(fx.b.users.owner.id).models.profiles()).toEqual([]);
  });
});

// Budgets and rate limits shared by two gateway processes through one real Redis, starting
// from the month-to-date spend recorded in a real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { setupTestRedis } from "../redis/test-redis";
import { Limiter, DEFAULT_LIMITS_CONFIG, type LimitSubject, type SpendLoader } from "./limiter";
import { RedisBudgetStore } from "./redis-budget-store";
import { RedisRateWindowStore } from "./redis-rate-window-store";
import { monthToDateSpendFrom } from "./month-to-date-spend";
import { UNITS_PER_USD } from "./calendar";

const t = setupTestDatabase();
const redis = setupTestRedis();
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

/** One "gateway process": its own Redis connection and limiter. */
function processOn(prefix: string, loadSpend: SpendLoader) {
  const connection = redis.connect();
  return new Limiter(new RedisRateWindowStore(connection, prefix), new RedisBudgetStore(connection, prefix), loadSpend, DEFAULT_LIMITS_CONFIG, () => NOW);
}

describe("limits across processes", () => {
  let tenantId: string;
  let teamId: string;
  beforeAll(async () => {
    tenantId = (await t.db.tenant.create({ data: { name: "Limits", slug: `limits-${randomUUID()}` } })).id;
    teamId = (await t.db.team.create({ data: { tenantId, name: "Search" } })).id;
  });

  const rollup = (apiKeyId: string, hour: Date, costUsd: number, team: string | null = null, model = "gpt-x") => t.db.usageRollup.create({
    data: { tenantId, hour, category: "general", model, apiKeyId, teamId: team ?? "", costUsd, requests: 1, latencyHistogram: [], ttftHistogram: [] },
  });

  it("200 concurrent requests from two processes never commit more than the budget", async () => {
    const prefix = `${redis.prefix}budget:`;
    const loads: string[] = [];
    const load: SpendLoader = async (...args) => {
      loads.push(args[1].kind);
      return monthToDateSpendFrom(t.db)(...args);
    };
    const processes = [processOn(prefix, load), processOn(prefix, load)];
    const keyId = `key-${randomUUID()}`;
    await rollup(keyId, new Date(Date.UTC(2026, 10, 3, 9)), 0.25);
    await rollup(keyId, new Date(Date.UTC(2026, 9, 30, 9)), 50); // last month: not counted
    const subject: LimitSubject = { tenantId, keyId, keyName: "Limits", teamId: null, rpmLimit: null, tpmLimit: null, keyBudgetUsd: 1, teamBudgetUsd: null };

    // Each holds 2 x $0.01 and really costs between $0 and $0.02.
    const results = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      const admission = await processes[i % 2]!.admit({ subject, estimatedTokens: 100, expectedCostUsd: 0.01 });
      if (!admission.admitted) return { admitted: false, status: admission.status, retryAfter: admission.retryAfterSeconds, cost: 0 };
      const cost = ((i * 37) % 21) / 1000;
      await new Promise((r) => setTimeout(r, i % 7));
      await processes[(i + 1) % 2]!.settle(admission.ticket, { costUsd: cost, tokens: 120 });
      return { admitted: true, status: 200, retryAfter: null, cost };
    }));

    const admitted = results.filter((r) => r.admitted);
    const refused = results.filter((r) => !r.admitted);
    const spent = Number(await redis.connect().get(`${prefix}budget:key:${keyId}:2026-11:spent`)) / UNITS_PER_USD;
    const held = await redis.connect().zcard(`${prefix}budget:key:${keyId}:2026-11:holds`);
    expect(admitted.length).toBeGreaterThan(30);
    expect(refused.length).toBeGreaterThan(0);
    // Held by requests in flight (429, retry soon), or too large for what is left (402, no wait).
    expect(refused.every((r) => (r.status === 429 && r.retryAfter! > 0) || (r.status === 402 && r.retryAfter === null))).toBe(true);
    expect(held).toBe(0); // every admitted request settled
    expect(spent).toBeCloseTo(0.25 + admitted.reduce((s, r) => s + r.cost, 0), 8);
    expect(spent).toBeLessThanOrEqual(1); // overshoot: zero
    expect(loads.length).toBeGreaterThanOrEqual(1);
    expect(loads.length).toBeLessThanOrEqual(2); // once per process at most; the first to finish sets the counter
  });

  it("a key's and its team's budgets are initialised from the database and enforced together", async () => {
    const prefix = `${redis.prefix}team:`;
    const [a, b] = [processOn(prefix, monthToDateSpendFrom(t.db)), processOn(prefix, monthToDateSpendFrom(t.db))];
    const [keyA, keyB] = [`key-${randomUUID()}`, `key-${randomUUID()}`];
    await rollup(keyA, new Date(Date.UTC(2026, 10, 1, 0)), 0.7, teamId, "model-a");
    await rollup(keyB, new Date(Date.UTC(2026, 10, 19, 23)), 0.2, teamId, "model-b");
    const subjectOf = (keyId: string): LimitSubject => ({ tenantId, keyId, keyName: "Limits", teamId, rpmLimit: null, tpmLimit: null, keyBudgetUsd: 10, teamBudgetUsd: 1 });
    // The team has spent 0.9 of its 1.00; each request holds 0.06.
    const first = await a.admit({ subject: subjectOf(keyA), estimatedTokens: 10, expectedCostUsd: 0.03 });
    expect(first.admitted).toBe(true);
    expect(await b.admit({ subject: subjectOf(keyB), estimatedTokens: 10, expectedCostUsd: 0.03 })).toMatchObject({ admitted: false, message: expect.stringContaining("team") });
  });

  it("two processes share one per-minute request limit", async () => {
    const prefix = `${redis.prefix}rpm:`;
    const processes = [processOn(prefix, async () => 0), processOn(prefix, async () => 0)];
    const subject: LimitSubject = { tenantId, keyId: "rpm-key", keyName: "Limits", teamId: null, rpmLimit: 25, tpmLimit: 10_000, keyBudgetUsd: null, teamBudgetUsd: null };
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => processes[i % 2]!.admit({ subject, estimatedTokens: 100, expectedCostUsd: 0.001 })));
    expect(results.filter((r) => r.admitted)).toHaveLength(25);
    expect(results.find((r) => !r.admitted)).toMatchObject({ status: 429, retryAfterSeconds: 60 });
  });
});

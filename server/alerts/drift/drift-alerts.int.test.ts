import { describe, expect, it } from "vitest";
import { DEFAULT_SIMULATION, planSimulation, type SimulatedChange } from "../../providers/simulated";
import { soundnessIn } from "../../providers/simulated/simulated-truth";
import type { ChatRequest } from "../../providers/types";
import { setupTestDatabase } from "../../testing/setup-test-database";
import { UsageWriter } from "../../usage/usage-writer";
import type { UsageRecord } from "../../usage/usage-record";
import { runAlertRound } from "../alerts-job";
import type { DriftAlertDetails } from "./plan-drift-alerts";

// Simulated traffic of two models in two categories, written hour by hour through the usage writer
// (as the gateway does after the simulator answered), with feedback on every other answer scored
// by the simulator's note on its soundness. At a known time one model gets twice as slow and the
// other 40 quality points worse; drift rounds run every hour, as the job would.
const t = setupTestDatabase();

const HOUR_MS = 3_600_000;
const PER_HOUR = 20;
const MODELS = ["gpt-5.4", "claude-sonnet-4.6"] as const;
const PROMPTS: Record<string, (i: number) => string> = {
  coding: (i) => `Fix this TypeScript function number ${i}`,
  math: (i) => `Solve 3x + ${i} = 19`,
};
const start = new Date("2026-12-01T00:00:00Z");
const changeAt = new Date("2026-12-04T06:00:00Z");
const changes: SimulatedChange[] = [
  { model: "gpt-5.4", at: changeAt, latencyFactor: 2 },
  { model: "claude-sonnet-4.6", at: changeAt, qualityDelta: -40 },
];
const settings = { ...DEFAULT_SIMULATION, firstTokenMs: 200, perTokenMs: 3, changes };

const ask = (text: string): ChatRequest => ({ messages: [{ role: "user", content: [{ type: "text", text }] }], stream: true });

async function tenantWithPolicy() {
  const tenant = await t.db.tenant.create({
    // A 6-hour recent window against the 3 days before it keeps the test's traffic small.
    data: { name: "Drift", slug: `drift-${Date.now()}`, driftSettings: { recentHours: 6, referenceDays: 3 } },
  });
  await t.db.routingPolicy.create({
    data: {
      tenantId: tenant.id, name: "default", baselineModelSlug: "gpt-5.4",
      rules: { create: [{ category: "coding", qualityBar: 70, allowedModels: ["gpt-5.4"] }, { category: "math", qualityBar: 70 }] },
    },
  });
  await t.db.model.create({
    data: { tenantId: tenant.id, slug: "gpt-5.4", provider: "simulated", providerModelId: "gpt-5.4", displayName: "GPT", contextWindow: 128_000, quality: {}, inputPricePerMTok: 2.5, outputPricePerMTok: 15 },
  });
  return tenant.id;
}

/** One hour of traffic: every model and category, requests spread over the hour. */
async function writeHour(tenantId: string, hour: Date, writer: UsageWriter) {
  const feedback: { tenantId: string; requestId: string; score: number; createdAt: Date }[] = [];
  let n = 0;
  for (const model of MODELS) {
    for (const [category, prompt] of Object.entries(PROMPTS)) {
      for (let i = 0; i < PER_HOUR; i++) {
        const createdAt = new Date(hour.getTime() + (i * HOUR_MS) / PER_HOUR);
        const plan = planSimulation(ask(prompt(hour.getTime() / HOUR_MS + i * 7919)), model, settings, createdAt);
        const { outputTokens, inputTokens } = plan.response.usage;
        const id = `${tenantId}-${hour.toISOString()}-${n++}`;
        const record: UsageRecord = {
          id, tenantId, apiKeyId: null, teamId: null, policyId: null, endpoint: "openai", requestedModel: "auto",
          category, categorySource: "classifier", confidence: 0.9, difficulty: 0.5, chosenModel: model, provider: "simulated",
          attempts: [], fallbackCount: 0, inputTokens, outputTokens, costUsd: (inputTokens * 2.5 + outputTokens * 15) / 1e6, baselineCostUsd: null,
          latencyMs: Math.round(plan.firstTokenMs + plan.perTokenMs * Math.max(outputTokens - 1, 0)), ttftMs: Math.round(plan.firstTokenMs),
          cacheHit: false, stream: true, simulated: true, status: 200, errorClass: null, explanation: { summary: "test" }, createdAt,
        };
        writer.record(record);
        if (i % 2 === 0) feedback.push({ tenantId, requestId: id, score: soundnessIn(plan.response.content) === "sound" ? 1 : 0, createdAt: new Date(createdAt.getTime() + 60_000) });
      }
    }
  }
  await writer.flush();
  await t.db.feedback.createMany({ data: feedback });
}

const driftAlerts = (tenantId: string) => t.db.alert.findMany({ where: { tenantId, kind: "drift" }, orderBy: { dedupeKey: "asc" } });
const metricOf = (a: { details: unknown }) => a.details as DriftAlertDetails;

describe("drift alerts from simulated traffic", () => {
  it("raises one alert per changed model, category and metric soon after the change, refreshes it, stays quiet before, and resolves once the change is gone", async () => {
    const tenantId = await tenantWithPolicy();
    const writer = new UsageWriter(t.db);
    let hour = new Date(start);
    // Three days of reference traffic, then six hourly rounds over stable traffic: no alert.
    for (; hour < changeAt; hour = new Date(hour.getTime() + HOUR_MS)) {
      await writeHour(tenantId, hour, writer);
      if (changeAt.getTime() - hour.getTime() <= 6 * HOUR_MS) await runAlertRound(t.db, new Date(hour.getTime() + HOUR_MS - 1));
    }
    expect(await driftAlerts(tenantId)).toEqual([]);

    // After the change: a round at the end of every hour until both changes are seen.
    const detectedAfter = new Map<string, number>();
    for (let h = 1; h <= 8; h++, hour = new Date(hour.getTime() + HOUR_MS)) {
      await writeHour(tenantId, hour, writer);
      await runAlertRound(t.db, new Date(hour.getTime() + HOUR_MS - 1));
      for (const a of await driftAlerts(tenantId)) {
        const d = metricOf(a);
        const key = `${d.model}|${d.category}|${d.metric}`;
        if (!detectedAfter.has(key)) detectedAfter.set(key, h * PER_HOUR);
      }
    }
    // Requests of the changed model and category after the change when the alert was raised.
    expect(detectedAfter.get("gpt-5.4|coding|latency_p95")).toBe(PER_HOUR);
    expect(detectedAfter.get("claude-sonnet-4.6|coding|quality_feedback")).toBeLessThanOrEqual(4 * PER_HOUR);

    const alerts = await driftAlerts(tenantId);
    // Only the changed model's changed metrics; one alert each, refreshed round after round.
    for (const a of alerts) {
      const d = metricOf(a);
      expect(d.model === "gpt-5.4" ? ["latency_p50", "latency_p95", "ttft_p50", "ttft_p95"] : ["quality_feedback"]).toContain(d.metric);
    }
    const p95 = alerts.filter((a) => metricOf(a).model === "gpt-5.4" && metricOf(a).category === "coding" && metricOf(a).metric === "latency_p95");
    expect(p95).toHaveLength(1);
    const alert = p95[0]!;
    expect(alert.status).toBe("open");
    expect(alert.lastSeenAt.getTime()).toBeGreaterThan(alert.firstSeenAt.getTime());
    const d = metricOf(alert);
    expect(d.to! / d.from!).toBeGreaterThan(1.5);
    // Since the start of the recent window of the round that first saw it (round h: the window ends h hours after the change).
    const round = detectedAfter.get("gpt-5.4|coding|latency_p95")! / PER_HOUR;
    expect(d.since).toBe(new Date(changeAt.getTime() + (round - 6) * HOUR_MS).toISOString());
    expect(d.traffic.sharePercent).toBe(25);
    expect(d.policies).toEqual(["default"]);
    expect(d.links.logs).toContain("model=gpt-5.4&category=coding");
    const quality = alerts.find((a) => metricOf(a).model === "claude-sonnet-4.6" && metricOf(a).category === "coding")!;
    expect(metricOf(quality).policies).toEqual(["default (any model in math)"]);
    expect(metricOf(quality).change).toBeLessThan(-20);

    // The catalog price of gpt-5.4 goes up: one info alert with both prices.
    await t.db.model.updateMany({ where: { tenantId, slug: "gpt-5.4" }, data: { inputPricePerMTok: 3 } });
    const priced = await runAlertRound(t.db, new Date(hour.getTime() - 1));
    expect(priced.raised).toBe(1);
    const price = (await driftAlerts(tenantId)).filter((a) => metricOf(a).metric === "price");
    expect(price.map((a) => [a.severity, metricOf(a).price?.from.inputPerMTok, metricOf(a).price?.to.inputPerMTok])).toEqual([["info", 2.5, 3]]);

    // Both models back to normal from now on: once the recent window holds no changed traffic, the alerts resolve.
    changes.push({ model: "gpt-5.4", at: hour, latencyFactor: 0.5 }, { model: "claude-sonnet-4.6", at: hour, qualityDelta: 40 });
    for (let h = 0; h < 7; h++, hour = new Date(hour.getTime() + HOUR_MS)) {
      await writeHour(tenantId, hour, writer);
      await runAlertRound(t.db, new Date(hour.getTime() + HOUR_MS - 1));
    }
    const after = await driftAlerts(tenantId);
    expect(after.filter((a) => metricOf(a).metric !== "price").every((a) => a.status === "resolved")).toBe(true);
    expect(after.find((a) => metricOf(a).metric === "price")?.status).toBe("open");
  }, 180_000);
});

// Realistic demo traffic for the dashboards: requests routed by the real engine and recorded
// through the gateway's usage writer (same rows, same rollups), with deterministic
// randomness so every fresh start shows the same history.
import { randomUUID } from "node:crypto";
import { route } from "../routing";
import { estimateCost, costOrNull } from "../routing/estimate-cost";
import type { CatalogModel, RouteRequest, RoutingPolicy } from "../routing/types";
import type { UsageRecord } from "../usage/usage-record";
import { replayFieldsOf } from "../usage/replay-fields";
import type { UsageWriter } from "../usage/usage-writer";
import { createRandom } from "../random/mulberry32";
import { DEMO_PROMPTS } from "./demo-prompts";
import { demoSignals } from "./demo-evidence";

export interface DemoTrafficOptions {
  tenantId: string;
  keys: { id: string; teamId: string | null }[];
  policy: RoutingPolicy;
  catalog: CatalogModel[];
  days: number;
  requestsPerDay: number;
  now: Date;
  seed?: number;
  /** Sees every record as it is written (the evidence seeded with the history reads them). */
  onRecord?: (record: UsageRecord) => void;
}

const HOURLY_WEIGHT = [2, 1, 1, 1, 1, 2, 3, 5, 8, 10, 11, 11, 10, 11, 11, 10, 9, 7, 5, 4, 3, 3, 2, 2];
const HOURLY_TOTAL = HOURLY_WEIGHT.reduce((a, b) => a + b, 0);

export function generateDemoTraffic(writer: UsageWriter, options: DemoTrafficOptions): number {
  const rand = createRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const lognormal = (median: number, spread: number) => median * Math.exp(spread * (rand() + rand() + rand() - 1.5));
  const byId = new Map(options.catalog.map((m) => [m.id, m]));
  const baseline = byId.get(options.policy.baselineModelId);
  const start = options.now.getTime() - options.days * 86_400_000;
  let count = 0;

  for (let day = 0; day < options.days; day++) {
    const dayStart = start + day * 86_400_000;
    const weekday = new Date(dayStart).getUTCDay();
    const volume = options.requestsPerDay * (weekday === 0 || weekday === 6 ? 0.45 : 1) * (0.85 + 0.3 * rand());
    for (let hour = 0; hour < 24; hour++) {
      const n = Math.round((volume * HOURLY_WEIGHT[hour]!) / HOURLY_TOTAL);
      for (let i = 0; i < n; i++) {
        const createdAt = new Date(dayStart + hour * 3_600_000 + Math.floor(rand() * 3_600_000));
        if (createdAt > options.now) continue;
        const key = pick(options.keys);
        const prompt = pick(DEMO_PROMPTS);
        const request: RouteRequest = { messages: [{ role: "user", content: prompt }] };
        const decision = route({
          request,
          catalog: options.catalog,
          policy: options.policy,
          unhealthy: {},
          now: createdAt,
        });
        const outcome = simulateOutcome(decision, { rand, lognormal, baseline, createdAt });
        const record: UsageRecord = {
          ...outcome,
          // What the policy what-if needs to replay these requests under a draft.
          ...replayFieldsOf(decision, request),
          id: randomUUID(),
          tenantId: options.tenantId,
          apiKeyId: key.id,
          teamId: key.teamId,
          policyId: options.policy.id,
          endpoint: rand() < 0.7 ? "openai" : "anthropic",
          requestedModel: "auto",
          stream: rand() < 0.5,
          simulated: true,
        };
        record.signals = demoSignals(record);
        writer.record(record);
        options.onRecord?.(record);
        count++;
      }
    }
  }
  return count;
}

type Outcome = Omit<UsageRecord, "id" | "tenantId" | "apiKeyId" | "teamId" | "policyId" | "endpoint" | "requestedModel" | "stream" | "simulated">;

function simulateOutcome(
  decision: ReturnType<typeof route>,
  ctx: { rand: () => number; lognormal: (m: number, s: number) => number; baseline: CatalogModel | undefined; createdAt: Date },
): Outcome {
  const { rand, lognormal } = ctx;
  const chosen = decision.model;
  // Real requests carry context (documents, history) that the short demo prompts lack.
  const inputTokens = Math.round(decision.estimate.inputTokens + lognormal(600, 1.2));
  const outputTokens = Math.round(lognormal(decision.estimate.outputTokens, 0.8));
  const baselineCostUsd = ctx.baseline ? costOrNull(estimateCost(ctx.baseline, inputTokens, outputTokens)) : null;
  const common = {
    category: decision.category,
    categorySource: decision.categorySource,
    confidence: decision.confidence,
    difficulty: decision.difficulty,
    explanation: { summary: decision.summary },
    createdAt: ctx.createdAt,
  };
  if (!chosen) {
    return { ...common, chosenModel: null, provider: null, attempts: [], fallbackCount: 0, inputTokens: 0, outputTokens: 0, costUsd: null, baselineCostUsd: null, latencyMs: 3, ttftMs: null, cacheHit: false, status: 503, errorClass: "no_model_available" };
  }
  if (rand() < 0.08) {
    return { ...common, chosenModel: chosen.id, provider: chosen.provider, attempts: [], fallbackCount: 0, inputTokens, outputTokens, costUsd: 0, baselineCostUsd, latencyMs: Math.round(lognormal(6, 0.5)), ttftMs: Math.round(lognormal(4, 0.5)), cacheHit: true, status: 200, errorClass: null };
  }
  const attempts: UsageRecord["attempts"] = [];
  let served = chosen;
  const fallback = decision.fallbacks[0];
  if (fallback && rand() < 0.04) {
    const failedLatency = Math.round(lognormal(300, 0.6));
    attempts.push({ model: chosen.id, provider: chosen.provider, status: rand() < 0.6 ? 429 : 503, errorClass: "upstream", latencyMs: failedLatency });
    served = fallback;
  }
  const failed = rand() < 0.012;
  const ttftMs = Math.round(lognormal(served.latencyMs ?? 1000, 0.5));
  const latencyMs = ttftMs + Math.round(outputTokens * lognormal(12, 0.3)) + attempts.reduce((s, a) => s + a.latencyMs, 0);
  attempts.push({ model: served.id, provider: served.provider, status: failed ? 502 : 200, errorClass: failed ? "upstream" : null, latencyMs });
  return {
    ...common,
    chosenModel: served.id,
    provider: served.provider,
    attempts,
    fallbackCount: attempts.length - 1,
    inputTokens: failed ? 0 : inputTokens,
    outputTokens: failed ? 0 : outputTokens,
    costUsd: failed ? 0 : costOrNull(estimateCost(served, inputTokens, outputTokens)),
    baselineCostUsd: failed ? 0 : baselineCostUsd,
    latencyMs,
    ttftMs: failed ? null : ttftMs,
    cacheHit: false,
    status: failed ? 502 : 200,
    errorClass: failed ? "upstream" : null,
  };
}

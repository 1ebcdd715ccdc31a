// Deterministic request records with known totals, for the dashboard and rollup tests.
import { randomUUID } from "node:crypto";
import type { UsageRecord } from "../usage/usage-record";

export interface TrafficOwners {
  tenantId: string;
  keys: { id: string; teamId: string | null }[];
  policyIds: string[];
}

const CATEGORIES = ["coding", "math", "general"] as const;
const MODELS = ["m-small", "m-mid", "m-large"] as const;

/** `count` records spread evenly over [from, to), varied in every dimension the dashboard reads. */
export function makeTestTraffic(owners: TrafficOwners, from: Date, to: Date, count: number, seed = 7): UsageRecord[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const span = to.getTime() - from.getTime();
  return Array.from({ length: count }, (_, i): UsageRecord => {
    const key = owners.keys[i % owners.keys.length]!;
    const failed = next() < 0.05;
    const unpriced = !failed && next() < 0.03;
    const inputTokens = 100 + Math.floor(next() * 2000);
    const outputTokens = 20 + Math.floor(next() * 800);
    const costUsd = failed ? 0 : unpriced ? null : Math.round(next() * 2_000_000) / 1e8;
    return {
      id: randomUUID(), tenantId: owners.tenantId, apiKeyId: key.id, teamId: key.teamId,
      policyId: owners.policyIds[i % owners.policyIds.length]!, endpoint: "openai", requestedModel: "auto",
      category: CATEGORIES[Math.floor(next() * CATEGORIES.length)]!, categorySource: "classifier", confidence: 0.8, difficulty: 0.4,
      chosenModel: MODELS[Math.floor(next() * MODELS.length)]!, provider: "openai", attempts: [],
      fallbackCount: next() < 0.1 ? 1 : 0, inputTokens, outputTokens, costUsd,
      baselineCostUsd: failed ? 0 : Math.round(next() * 4_000_000) / 1e8,
      latencyMs: Math.round(20 + 6000 * next() ** 3), ttftMs: failed || next() < 0.2 ? null : Math.round(10 + 900 * next() ** 2),
      cacheHit: next() < 0.08, stream: false, simulated: true, status: failed ? 502 : 200, errorClass: failed ? "upstream" : null,
      explanation: null, createdAt: new Date(from.getTime() + Math.floor((i / count) * span)),
      // From the index, not the random stream, so the other fields stay as they were drawn before.
      signals: failed ? [] : [...(i % 17 === 0 ? ["empty"] : []), ...(i % 13 === 0 ? ["refusal"] : []), ...(i % 11 === 0 ? ["truncated"] : [])],
    };
  });
}

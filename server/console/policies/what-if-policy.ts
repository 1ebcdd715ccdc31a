// What-if: the policy editor's draft against the saved version, replayed on the policy's
// recorded requests of the last 7 or 30 days, before anything is saved.
import { mergeCatalog } from "../../catalog/catalog-snapshot";
import { toRoutingPolicy } from "../../catalog/policy-snapshot";
import { loadTenantLearning, routeLearningOf } from "../../learning/load-learning";
import { replayPolicies } from "../../routing/replay-policy";
import type { TenantActor } from "../actor";
import { ConsoleError, notFound } from "../console-error";
import type { PolicyFields, WhatIfDays } from "../schemas/policies";
import { draftRoutingPolicy } from "./policy-fields";
import { readReplayRows } from "./read-replay-rows";
import { costChangePct, savingsVsBaselinePct, versionWhatIf } from "./what-if-summary";

/** Changed requests listed with their log ids. */
export const WHAT_IF_SAMPLE_SIZE = 20;

// One what-if at a time per organisation in this process: each reads and replays up to 100,000
// rows, and a burst of them from one tenant must not hold the database and the event loop.
const running = new Set<string>();

export async function whatIfPolicy(actor: TenantActor, input: { policyId: string; draft: PolicyFields; days: WhatIfDays }, now = new Date()) {
  if (running.has(actor.tenantId)) throw new ConsoleError("rate_limited", "A what-if is already running for this organisation; try again in a moment");
  running.add(actor.tenantId);
  try {
    const [policy, models, learned] = await Promise.all([
      actor.db.routingPolicy.findFirst({ where: { id: input.policyId }, include: { rules: true } }),
      actor.db.model.findMany(),
      loadTenantLearning(actor.db, actor.tenantId),
    ]);
    if (!policy) throw notFound("Policy");
    const from = new Date(now.getTime() - input.days * 86_400_000);
    const { rows, total, totalEstimated } = await readReplayRows(actor.db, { tenantId: actor.tenantId, policyId: policy.id, policyName: policy.name, from, to: now });
    const catalog = mergeCatalog(models);
    const saved = toRoutingPolicy(policy);
    // The catalog as the gateway routes with it now: the tenant's learned capability profiles applied.
    const replay = replayPolicies({
      rows, catalog, profiles: routeLearningOf(learned, catalog).profiles,
      saved, draft: draftRoutingPolicy(saved, input.draft), now, sampleSize: WHAT_IF_SAMPLE_SIZE,
    });
    return {
      policyVersion: policy.version,
      days: input.days,
      from,
      to: now,
      totalRequests: total,
      totalEstimated,
      ...replay,
      costChangePct: costChangePct(replay.saved, replay.draft),
      savedSavingsPct: savingsVsBaselinePct(replay.saved),
      draftSavingsPct: savingsVsBaselinePct(replay.draft),
      version: versionWhatIf(input.days, replay, total),
    };
  } finally {
    running.delete(actor.tenantId);
  }
}

export type WhatIfResult = Awaited<ReturnType<typeof whatIfPolicy>>;

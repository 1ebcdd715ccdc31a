// The policy tester: the same `route()` the gateway runs, on the tenant's saved policy (or an
// unsaved draft of it) and catalog, without calling any provider.
import { mergeCatalog } from "../../catalog/catalog-snapshot";
import { toRoutingPolicy } from "../../catalog/policy-snapshot";
import { route } from "../../routing";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { loadTenantLearning, routeLearningOf } from "../../learning/load-learning";
import type { PolicyFields } from "../schemas/policies";
import { draftRoutingPolicy } from "./policy-fields";

export async function testPolicy(
  actor: TenantActor, input: { policyId: string; prompt: string; system?: string | null; metadata?: Record<string, string>; draft?: PolicyFields }, now = new Date(),
) {
  const [policy, models, learned] = await Promise.all([
    actor.db.routingPolicy.findFirst({ where: { id: input.policyId }, include: { rules: true } }),
    actor.db.model.findMany(),
    loadTenantLearning(actor.db, actor.tenantId),
  ]);
  if (!policy) throw notFound("Policy");
  const catalog = mergeCatalog(models);
  const saved = toRoutingPolicy(policy);
  const routingPolicy = input.draft ? draftRoutingPolicy(saved, input.draft) : saved;
  // The decision the gateway would make now: adapted by what the tenant's evidence has taught.
  const decision = route({
    request: { messages: [{ role: "user", content: input.prompt }], system: input.system ?? undefined, metadata: input.metadata },
    catalog,
    policy: routingPolicy,
    unhealthy: {},
    now,
    learning: routeLearningOf(learned, catalog),
  });
  const { costUsd, baselineCostUsd } = decision.estimate;
  return {
    policyVersion: policy.version,
    /** Routed with the unsaved draft rather than the saved version. */
    fromDraft: input.draft !== undefined,
    category: decision.category,
    categorySource: decision.categorySource,
    categoryDetail: decision.categoryDetail ?? null,
    confidence: decision.confidence,
    difficulty: decision.difficulty,
    chosenModel: decision.model && { id: decision.model.id, displayName: decision.model.displayName, provider: decision.model.provider },
    fallbackPlan: decision.fallbacks.map((m) => m.id),
    estimate: {
      ...decision.estimate,
      baselineModelSlug: routingPolicy.baselineModelId,
      // Null when either side is unpriced: an unknown price gives no saving figure, not 0 %.
      savingsPct: costUsd !== null && baselineCostUsd !== null && baselineCostUsd > 0 ? (1 - costUsd / baselineCostUsd) * 100 : null,
    },
    candidates: decision.candidates,
    modelsNotAllowed: decision.modelsNotAllowed,
    degraded: decision.degraded,
    error: decision.error,
    notes: decision.notes ?? [],
    summary: decision.summary,
    learning: decision.learning ?? null,
  };
}

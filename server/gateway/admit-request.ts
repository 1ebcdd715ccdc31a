// Admission after routing and before any provider call: the key's rate limits and the key's
// and team's monthly budgets (see server/limits). A refusal is a GatewayError the caller's
// format turns into its 429 (or 403/503) body, with Retry-After.
import { expectedPlanCostUsd } from "../limits/expected-cost";
import type { AdmissionTicket } from "../limits/limiter";
import { getLimiter } from "../limits/limiter-instance";
import type { CatalogModel, RoutingDecision } from "../routing/types";
import type { GatewayKey } from "./config-cache";
import { GatewayError } from "./gateway-error";

export async function admitRequest(key: GatewayKey, plan: CatalogModel[], decision: RoutingDecision): Promise<AdmissionTicket> {
  const { inputTokens, outputTokens } = decision.estimate;
  const admission = await getLimiter().admit({
    subject: {
      tenantId: key.tenantId, keyId: key.id, teamId: key.teamId, rpmLimit: key.rpmLimit, tpmLimit: key.tpmLimit,
      keyBudgetUsd: key.monthlyBudgetUsd, teamBudgetUsd: key.teamBudgetUsd,
    },
    estimatedTokens: inputTokens + outputTokens,
    expectedCostUsd: expectedPlanCostUsd(plan, inputTokens, outputTokens),
  });
  if (admission.admitted) return admission.ticket;
  const headers: Record<string, string> = admission.retryAfterSeconds === null ? {} : { "retry-after": String(admission.retryAfterSeconds) };
  throw new GatewayError(admission.status, admission.message, headers);
}

/** Releases the hold and books what the request really cost (null = unpriced). */
export function settleRequest(ticket: AdmissionTicket, costUsd: number | null, tokens: number): void {
  void getLimiter().settle(ticket, { costUsd, tokens });
}

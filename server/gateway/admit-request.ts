// Admission after routing and before any provider call: the key's rate limits and the key's
// and team's monthly budgets (see server/limits). A refusal is a GatewayError the caller's
// format turns into its 429 (or 402/403/503) body, with Retry-After when waiting helps.
import { expectedPlanCostUsd } from "../limits/expected-cost";
import type { Admission, AdmissionTicket, LimitSubject } from "../limits/limiter";
import { getLimiter } from "../limits/limiter-instance";
import type { CatalogModel, RoutingDecision } from "../routing/types";
import type { GatewayKey } from "./config-cache";
import { GatewayError } from "./gateway-error";
import { observeLimitRefusal } from "../observability/observe-request";

const subjectOf = (key: GatewayKey): LimitSubject => ({
  tenantId: key.tenantId, keyId: key.id, keyName: key.name, teamId: key.teamId, rpmLimit: key.rpmLimit, tpmLimit: key.tpmLimit,
  keyBudgetUsd: key.monthlyBudgetUsd, teamBudgetUsd: key.teamBudgetUsd,
});

function ticketOrThrow(key: GatewayKey, admission: Admission): AdmissionTicket {
  if (admission.admitted) return admission.ticket;
  observeLimitRefusal(key.tenantId, admission.reason);
  const headers: Record<string, string> = admission.retryAfterSeconds === null ? {} : { "retry-after": String(admission.retryAfterSeconds) };
  // Both SDKs retry a 429 at once by default; this header (which they obey) spares a used-up
  // budget those calls.
  if (!admission.retrySoon) headers["x-should-retry"] = "false";
  throw new GatewayError(admission.status, admission.message, headers);
}

export async function admitRequest(key: GatewayKey, plan: CatalogModel[], decision: RoutingDecision): Promise<AdmissionTicket> {
  return admitEstimate(key, plan, decision.estimate.inputTokens, decision.estimate.outputTokens);
}

/** Admission for a request expected to use these tokens on the plan's dearest model (embeddings: no output). */
export async function admitEstimate(key: GatewayKey, plan: CatalogModel[], inputTokens: number, outputTokens: number): Promise<AdmissionTicket> {
  return ticketOrThrow(key, await getLimiter().admit({
    subject: subjectOf(key),
    estimatedTokens: inputTokens + outputTokens,
    expectedCostUsd: expectedPlanCostUsd(plan, inputTokens, outputTokens),
  }));
}

/**
 * A call that costs no model tokens (feedback): only the key's requests-per-minute limit, in the
 * same window as its model requests. Nothing is held, so there is nothing to settle.
 */
export async function admitUnbilledRequest(key: GatewayKey): Promise<void> {
  ticketOrThrow(key, await getLimiter().admit({
    subject: { ...subjectOf(key), tpmLimit: null, keyBudgetUsd: null, teamBudgetUsd: null },
    estimatedTokens: 0,
    expectedCostUsd: 0,
  }));
}

/** Releases the hold and books what the request really cost (null = unpriced). */
export function settleRequest(ticket: AdmissionTicket, costUsd: number | null, tokens: number): void {
  void getLimiter().settle(ticket, { costUsd, tokens });
}

// A save from the policy editor: the what-if of the draft against the version it replaces is
// computed first and stored with the new version, so the version list can say what it changed.
import type { TenantActor } from "../actor";
import { ConsoleError } from "../console-error";
import type { PolicyFields, WhatIfDays } from "../schemas/policies";
import { updatePolicy } from "./update-policy";
import { whatIfPolicy } from "./what-if-policy";

export async function savePolicyVersion(
  actor: TenantActor,
  input: { id: string; expectedVersion: number; policy: PolicyFields; whatIfDays: WhatIfDays },
  whatIfOf: typeof whatIfPolicy = whatIfPolicy,
) {
  // A save that is already stale (or of a policy not found) is refused below; it does not pay
  // for a replay of up to 30 days of traffic first.
  const current = await actor.db.routingPolicy.findFirst({ where: { id: input.id }, select: { version: true } });
  const whatIf = current?.version !== input.expectedVersion ? null : await whatIfOf(actor, { policyId: input.id, draft: input.policy, days: input.whatIfDays }).catch((error: unknown) => {
    // Another what-if of the organisation is running: the save goes ahead without a summary.
    if (error instanceof ConsoleError && error.code === "rate_limited") return null;
    throw error;
  });
  // A summary against another version than the one replaced would mislead; the save itself then fails as stale.
  const summary = whatIf && whatIf.policyVersion === input.expectedVersion ? whatIf.version : null;
  return updatePolicy(actor, input.id, input.expectedVersion, input.policy, undefined, summary);
}

// Where a new organisation stands on its first steps, derived from its data rather than stored
// flags, so that doing a step anywhere (the console, the admin API) ticks it here.
import type { TenantActor } from "../actor";

export interface OnboardingStatus {
  providerCredentials: number;
  /** Keys that are not revoked (an expired key still shows the step was done). */
  keys: number;
  /** Whether the gateway has recorded any request of the organisation, ever. */
  hasRequests: boolean;
}

export async function getOnboardingStatus(actor: TenantActor): Promise<OnboardingStatus> {
  const [providerCredentials, keys, request] = await Promise.all([
    actor.db.providerCredential.count(),
    actor.db.apiKey.count({ where: { revokedAt: null } }),
    // One row is enough, read by the (tenant, time) index: the checklist polls this.
    actor.db.requestLog.findFirst({ select: { id: true } }),
  ]);
  return { providerCredentials, keys, hasRequests: request !== null };
}

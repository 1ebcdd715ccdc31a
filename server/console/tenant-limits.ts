// How many of each thing one organisation may hold. Their console pages read each list whole
// (keys, teams, invites, policies, models, domains), so a cap keeps every such read, and what one
// member can create in a loop, bounded. The numbers are far above what a team uses. Soft limits:
// the count is read before the creation, so creations at the same moment may pass one by a few.
import { invalid } from "./console-error";

export const TENANT_LIMITS = {
  /** Keys not revoked: a revoked key stays for its logs, and rotating one revokes the old key. */
  activeApiKeys: 1_000,
  teams: 200,
  /** Invites neither accepted nor expired. */
  openInvites: 200,
  policies: 100,
  /** Catalog entries of its own; its overrides of global models are bounded by the global catalog. */
  customModels: 200,
  ssoDomains: 50,
  /** Every alert is sent to each endpoint, so this also bounds a delivery round's work per alert. */
  webhooks: 20,
} as const;

/** Refuses the creation of one more when `count` (how many the organisation holds) is at `limit`. */
export async function requireRoom(count: Promise<number>, limit: number, what: string, remedy: string): Promise<void> {
  if ((await count) >= limit) throw invalid(`An organisation has at most ${limit} ${what}; ${remedy}`);
}

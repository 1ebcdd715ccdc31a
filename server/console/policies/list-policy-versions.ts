import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { diffPolicySnapshots } from "./diff-policy-snapshots";
import type { VersionWhatIf } from "./what-if-summary";

/**
 * Versions listed: the newest ones. Every save and restore adds a version, so a policy's history
 * grows without end, and each listed version is diffed against the one before it.
 */
export const MAX_VERSIONS_LISTED = 50;

/** The newest versions first, each with what changed since the one before it and, when saved with one, its what-if summary. */
export async function listPolicyVersions(actor: TenantActor, policyId: string) {
  const policy = await actor.db.routingPolicy.findFirst({ where: { id: policyId }, select: { id: true } });
  if (!policy) throw notFound("Policy");
  // One more than is listed: the oldest listed version is diffed against it, then dropped.
  const versions = (await actor.rootDb.routingPolicyVersion.findMany({ where: { policyId: policy.id }, orderBy: { version: "desc" }, take: MAX_VERSIONS_LISTED + 1 })).reverse();
  const authorIds = [...new Set(versions.map((v) => v.createdById).filter((id): id is string => id !== null))];
  const authors = await actor.rootDb.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true } });
  const emailById = new Map(authors.map((a) => [a.id, a.email]));
  return versions
    .map((v, i) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdBy: v.createdById ? (emailById.get(v.createdById) ?? null) : null,
      changes: i === 0 ? [] : diffPolicySnapshots(versions[i - 1]!.snapshot, v.snapshot),
      // Written by the save itself (what-if-summary.ts), never by a client.
      whatIf: v.whatIf as VersionWhatIf | null,
    }))
    .slice(-MAX_VERSIONS_LISTED)
    .reverse();
}

// Makes an earlier version current again. The restore is a save like any other: a new version
// (the next number) whose diff against the one it replaces shows what came back, audited as a
// restore, with the gateway's cached config reloaded. Versions are never rewritten.
import type { TenantActor } from "../actor";
import { ConsoleError, invalid, notFound } from "../console-error";
import { snapshotFields } from "./snapshot-fields";
import { updatePolicy } from "./update-policy";
import { verifyPolicyModels } from "./verify-policy-models";

export async function restorePolicy(actor: TenantActor, id: string, restoreVersion: number, expectedVersion: number): Promise<{ version: number }> {
  // Tenant-scoped look-up first: another tenant's policy (and so its versions) is not found.
  const policy = await actor.db.routingPolicy.findFirst({ where: { id }, select: { id: true } });
  if (!policy) throw notFound("Policy");
  const stored = await actor.rootDb.routingPolicyVersion.findFirst({ where: { policyId: policy.id, version: restoreVersion }, select: { snapshot: true } });
  if (!stored) throw notFound("Version");
  const read = snapshotFields(stored.snapshot);
  if (!read.ok) throw invalid(`Version ${restoreVersion} cannot be restored (${read.problem})`);
  try {
    await verifyPolicyModels(actor.db, read.fields);
  } catch (error) {
    if (error instanceof ConsoleError && error.code === "invalid") {
      throw invalid(`Version ${restoreVersion} cannot be restored: it names models no longer in the catalog. ${error.message}`);
    }
    throw error;
  }
  return updatePolicy(actor, policy.id, expectedVersion, read.fields, { action: "policy.restored", details: { restoredVersion: restoreVersion } });
}

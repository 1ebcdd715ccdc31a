// The choices of the audit filters: everyone and every admin key that has acted in the tenant,
// and the object types and actions its trail holds.
import type { TenantActor } from "../actor";
import { describeActor } from "./describe-audit-entry";

export async function auditFilterOptions(actor: TenantActor) {
  const [userRows, keyRows, typeRows, actionRows] = await Promise.all([
    actor.db.auditLog.findMany({ where: { actorUserId: { not: null } }, distinct: ["actorUserId"], select: { actorUserId: true } }),
    actor.db.auditLog.findMany({ where: { actorApiKeyId: { not: null } }, distinct: ["actorApiKeyId"], select: { actorApiKeyId: true } }),
    actor.db.auditLog.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } }),
    actor.db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  const [users, keys] = await Promise.all([
    actor.rootDb.user.findMany({ where: { id: { in: userRows.map((r) => r.actorUserId ?? "") } }, select: { id: true, name: true, email: true }, orderBy: { email: "asc" } }),
    actor.db.apiKey.findMany({ where: { id: { in: keyRows.map((r) => r.actorApiKeyId ?? "") } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    actors: [
      ...users.map((u) => ({ value: `user:${u.id}`, label: describeActor({ kind: "user", name: u.name, email: u.email }) })),
      ...keys.map((k) => ({ value: `key:${k.id}`, label: describeActor({ kind: "key", name: k.name }) })),
    ],
    targetTypes: typeRows.map((r) => r.targetType),
    actions: actionRows.map((r) => r.action),
  };
}

// The choices of the audit filters: everyone and every admin key that has acted in the tenant,
// and the object types and actions its trail holds. Grouped in the database: Prisma's `distinct`
// reads every row of the trail and drops the duplicates in this process.
import type { TenantActor } from "../actor";
import { describeActor } from "./describe-audit-entry";

export async function auditFilterOptions(actor: TenantActor) {
  const [userRows, keyRows, typeRows, actionRows] = await Promise.all([
    actor.db.auditLog.groupBy({ by: ["actorUserId"], where: { actorUserId: { not: null } } }),
    actor.db.auditLog.groupBy({ by: ["actorApiKeyId"], where: { actorApiKeyId: { not: null } } }),
    actor.db.auditLog.groupBy({ by: ["targetType"], orderBy: { targetType: "asc" } }),
    actor.db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
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

// Every console mutation leaves an audit entry. Details must never carry secrets: callers pass
// names, ids and changed field names, not key material.
import type { Prisma } from "../db/generated/client";
import type { TenantActor } from "./actor";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Any client or transaction, tenant-scoped or not: the entry names its tenant itself. */
type AuditWriter = { auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> } };

export async function recordAudit(db: AuditWriter, actor: Pick<TenantActor, "userId" | "tenantId" | "apiKeyId">, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: entry.details,
    },
  });
}

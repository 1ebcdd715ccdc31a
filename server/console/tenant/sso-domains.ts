// The email domains whose people join this organisation on their first single sign-on, and the
// role they get. A domain belongs to at most one organisation (a unique index), so that a
// sign-in never has to choose.
import type { TenantActor } from "../actor";
import { conflict, notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import { requireRoom, TENANT_LIMITS } from "../tenant-limits";
import type { AddSsoDomainInput } from "../schemas/sso-domains";

export function listSsoDomains(actor: TenantActor) {
  return actor.db.ssoDomain.findMany({ orderBy: { domain: "asc" }, select: { id: true, domain: true, role: true, createdAt: true } });
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

export async function addSsoDomain(actor: TenantActor, input: AddSsoDomainInput): Promise<{ id: string }> {
  await requireRoom(actor.db.ssoDomain.count(), TENANT_LIMITS.ssoDomains, "single sign-on domains", "remove one first");
  try {
    return await actor.db.$transaction(async (tx) => {
      const row = await tx.ssoDomain.create({ data: { tenantId: actor.tenantId, domain: input.domain, role: input.role }, select: { id: true } });
      await recordAudit(tx, actor, { action: "sso_domain.added", targetType: "sso_domain", targetId: row.id, details: { domain: input.domain, role: input.role } });
      return row;
    });
  } catch (error) {
    // Whether the other organisation is this one or not, its name is not said.
    if (isUniqueViolation(error)) throw conflict(`${input.domain} is mapped to an organisation already; a domain can belong to one only`);
    throw error;
  }
}

export async function removeSsoDomain(actor: TenantActor, id: string): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const row = await tx.ssoDomain.findFirst({ where: { id }, select: { domain: true, role: true } });
    if (!row) throw notFound("Domain");
    await tx.ssoDomain.deleteMany({ where: { id } });
    await recordAudit(tx, actor, { action: "sso_domain.removed", targetType: "sso_domain", targetId: id, details: { domain: row.domain, role: row.role } });
  });
}

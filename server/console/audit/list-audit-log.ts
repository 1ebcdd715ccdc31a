// The tenant's audit trail, newest first, cursor-paginated by (createdAt, id), filtered and with
// each entry in words: the people and keys an entry names are looked up here, once per page.
import type { Prisma } from "../../db/generated/client";
import type { TenantActor } from "../actor";
import { COUNT_CAP, cappedCount } from "../lists/capped-count";
import type { AuditFilters } from "../schemas/audit";
import { describeAuditEntry, type AuditActor, type AuditDetails } from "./describe-audit-entry";

type AuditRow = Prisma.AuditLogGetPayload<object>;

export function auditWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const [actorKind, actorId] = filters.actor?.split(":") ?? [];
  return {
    ...(actorKind === "user" && { actorUserId: actorId }),
    ...(actorKind === "key" && { actorApiKeyId: actorId }),
    ...(filters.targetType && { targetType: filters.targetType }),
    ...(filters.targetId && { targetId: filters.targetId }),
    ...(filters.action && { action: filters.action }),
    ...((filters.from || filters.to) && { createdAt: { ...(filters.from && { gte: filters.from }), ...(filters.to && { lte: filters.to }) } }),
  };
}

const ids = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/** The rows with their actor and object named, and their changes before and after. */
export async function describeAuditRows(actor: TenantActor, rows: AuditRow[]) {
  const userIds = ids([...rows.map((r) => r.actorUserId), ...rows.map((r) => (r.targetType === "user" ? r.targetId : null))]);
  const [users, keys] = await Promise.all([
    actor.rootDb.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    // Changes made through the admin API name the admin key that made them.
    actor.db.apiKey.findMany({ where: { id: { in: ids(rows.map((r) => r.actorApiKeyId)) } }, select: { id: true, name: true } }),
  ]);
  const usersById = new Map(users.map((u) => [u.id, u]));
  const keysById = new Map(keys.map((k) => [k.id, k]));
  const actorOf = (row: AuditRow): AuditActor => {
    const key = row.actorApiKeyId ? keysById.get(row.actorApiKeyId) : undefined;
    if (key) return { kind: "key", name: key.name };
    const user = row.actorUserId ? usersById.get(row.actorUserId) : undefined;
    if (user) return { kind: "user", name: user.name, email: user.email };
    return row.actorUserId || row.actorApiKeyId ? { kind: "former" } : { kind: "system" };
  };
  return rows.map((row) => {
    const details = row.details as AuditDetails | null;
    const targetUser = row.targetType === "user" && row.targetId ? (usersById.get(row.targetId) ?? null) : null;
    return {
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      actorUserId: row.actorUserId,
      actorApiKeyId: row.actorApiKeyId,
      details,
      ...describeAuditEntry({ action: row.action, targetType: row.targetType, targetId: row.targetId, details, actor: actorOf(row), targetUser }),
    };
  });
}

export type AuditItem = Awaited<ReturnType<typeof describeAuditRows>>[number];

export async function listAuditLog(actor: TenantActor, input: { cursor?: string | null; limit: number; filters: AuditFilters }) {
  const rows = await actor.db.auditLog.findMany({
    where: auditWhere(input.filters),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
  });
  const page = rows.slice(0, input.limit);
  const [items, counted] = await Promise.all([describeAuditRows(actor, page), actor.db.auditLog.count({ where: auditWhere(input.filters), take: COUNT_CAP + 1 })]);
  const total = cappedCount(counted);
  return { items, total, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

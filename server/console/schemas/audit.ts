import { z } from "zod";
import { dateSchema, idSchema, pageSchema, safeText } from "./common";

/** Who acted: "user:<id>" for a member, "key:<id>" for an admin API key. */
export const auditActorFilterSchema = z.string().regex(/^(user|key):[A-Za-z0-9_-]{1,64}$/, "Pick someone from the list");

export const auditFiltersSchema = z.object({
  actor: auditActorFilterSchema.nullable(),
  targetType: safeText(40).nullable(),
  targetId: idSchema.nullable(),
  action: safeText(60).nullable(),
  from: dateSchema.nullable(),
  to: dateSchema.nullable(),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const NO_AUDIT_FILTERS: AuditFilters = { actor: null, targetType: null, targetId: null, action: null, from: null, to: null };

export const listAuditLogSchema = pageSchema.extend({ filters: auditFiltersSchema.default(NO_AUDIT_FILTERS) });

// One place that scopes data access to a tenant: console procedures use `forTenant(db, id)`
// instead of adding `tenantId` to each query by hand.
import type { PrismaClient } from "./generated/client";

/** Tables whose rows belong to exactly one tenant. */
export const TENANT_OWNED_MODELS = [
  "Membership", "Team", "ApiKey", "ProviderCredential", "RoutingPolicy",
  "RequestLog", "UsageRollup", "UsageRollupDaily", "Feedback", "AuditLog", "Invite",
  "LearningEvent", "TenantLearning", "Evaluation", "Alert", "WebhookEndpoint", "WebhookDelivery", "RequestBody", "SsoDomain",
] as const;

/** Catalog rows are global (tenantId NULL, readable by all) or a tenant's own. */
export const SHARED_CATALOG_MODEL = "Model";

/** Tables scoped through their parent (a policy) or not tenant data at all. */
export const NOT_DIRECTLY_SCOPED = ["Tenant", "User", "PolicyRule", "RoutingPolicyVersion"] as const;

const READS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);
const FILTERED_WRITES = new Set(["update", "updateMany", "updateManyAndReturn", "delete", "deleteMany"]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn"]);

type Args = { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown> };

function withTenant(data: unknown, tenantId: string): unknown {
  return Array.isArray(data) ? data.map((d) => ({ ...d, tenantId })) : { ...(data as object), tenantId };
}

export function forTenant(db: PrismaClient, tenantId: string) {
  const owned = new Set<string>(TENANT_OWNED_MODELS);
  return db.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const a = (args ?? {}) as Args;
          if (model === SHARED_CATALOG_MODEL) {
            // Global entries are readable; only the tenant's own rows can be written.
            const scope = READS.has(operation) ? { OR: [{ tenantId }, { tenantId: null }] } : { tenantId };
            if (READS.has(operation) || FILTERED_WRITES.has(operation)) {
              // Unique fields must stay at the top level for findUnique/update/delete.
              const and = a.where?.AND === undefined ? [] : [a.where.AND].flat();
              a.where = { ...a.where, AND: [...and, scope] };
            }
          } else if (owned.has(model)) {
            if (READS.has(operation) || FILTERED_WRITES.has(operation)) a.where = { ...a.where, tenantId };
          } else {
            return query(args);
          }
          if (CREATES.has(operation)) a.data = withTenant(a.data, tenantId);
          if (operation === "upsert") {
            a.where = { ...a.where, tenantId };
            a.create = withTenant(a.create, tenantId) as Record<string, unknown>;
          }
          return query(a as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof forTenant>;

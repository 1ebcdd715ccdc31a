// The shape of an API key the console may show: never the hash, never the secret.
import type { Prisma } from "../../db/generated/client";
import { keyStatus } from "../../auth/key-status";

export const keySummarySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  teamId: true,
  policyId: true,
  monthlyBudgetUsd: true,
  rpmLimit: true,
  tpmLimit: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  team: { select: { name: true } },
  policy: { select: { name: true } },
} satisfies Prisma.ApiKeySelect;

type KeyRow = Prisma.ApiKeyGetPayload<{ select: typeof keySummarySelect }>;

/** `status` is what the gateway does with the key at `now`: serves it, or refuses it as revoked or expired. */
export function toKeySummary(row: KeyRow, now = new Date()) {
  const { team, policy, monthlyBudgetUsd, ...rest } = row;
  return {
    ...rest,
    status: keyStatus(row, now),
    teamName: team?.name ?? null,
    policyName: policy?.name ?? null,
    monthlyBudgetUsd: monthlyBudgetUsd === null ? null : Number(monthlyBudgetUsd),
  };
}

export type KeySummary = ReturnType<typeof toKeySummary>;

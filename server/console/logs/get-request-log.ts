// One request with its routing explanation and attempt chain, for the detail drawer.
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";

export interface LogAttempt {
  model: string;
  provider: string;
  status: number | string;
  errorClass: string | null;
  latencyMs: number | null;
}

export async function getRequestLog(actor: TenantActor, id: string) {
  const row = await actor.db.requestLog.findFirst({ where: { id } });
  if (!row) throw notFound("Request");
  const key = row.apiKeyId ? await actor.db.apiKey.findFirst({ where: { id: row.apiKeyId }, select: { name: true, prefix: true } }) : null;
  return {
    ...row,
    costUsd: row.costUsd === null ? null : Number(row.costUsd),
    baselineCostUsd: row.baselineCostUsd === null ? null : Number(row.baselineCostUsd),
    attempts: (Array.isArray(row.attempts) ? row.attempts : []) as unknown as LogAttempt[],
    explanation: row.explanation as Record<string, unknown> | null,
    keyName: key?.name ?? null,
    keyPrefix: key?.prefix ?? null,
  };
}

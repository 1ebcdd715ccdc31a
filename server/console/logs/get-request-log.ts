// One request with its routing explanation, attempt chain and (when its policy stores them)
// prompt and answer, for the detail drawer.
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";

export interface LogAttempt {
  model: string;
  provider: string;
  status: number | string;
  errorClass: string | null;
  latencyMs: number | null;
}

export interface StoredBody {
  prompt: { role: string; content: string }[];
  answer: string | null;
  truncated: boolean;
}

export async function getRequestLog(actor: TenantActor, id: string) {
  const [row, body] = await Promise.all([
    actor.db.requestLog.findFirst({ where: { id } }),
    actor.db.requestBody.findFirst({ where: { id }, select: { prompt: true, answer: true, truncated: true } }),
  ]);
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
    body: body as StoredBody | null,
  };
}

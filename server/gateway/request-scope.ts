// What every gateway request that can cost something carries from its first byte to its usage
// record: its id, start time, the outcome filled in stage by stage, the key once identified and
// the admission ticket once held. Chat and embeddings share it, so a request is recorded and
// settled the same way whichever endpoint served it.
import type { PrismaClient } from "@prisma/client";
import type { AdmissionTicket } from "../limits/limiter";
import { getUsageWriter } from "../usage/usage-writer-instance";
import type { UsageRecord } from "../usage/usage-record";
import { settleRequest } from "./admit-request";
import { identifyKey } from "./authenticate-key";
import { buildUsageRecord, type RequestOutcome } from "./build-usage-record";
import type { GatewayKey } from "./config-cache";
import type { HeaderSource } from "./gateway-request";
import { anonymousRequestId, issueRequestId } from "./request-id";

export class RequestScope {
  readonly startedAt = new Date();
  readonly started = performance.now();
  readonly outcome: RequestOutcome;
  key: GatewayKey | null = null;
  /** The budget hold and rate-limit admission, settled (once) when the request is recorded. */
  ticket: AdmissionTicket | null = null;

  constructor(endpoint: UsageRecord["endpoint"]) {
    // The anonymous id is replaced by one signed for the tenant once a key identifies it (see request-id.ts).
    this.outcome = {
      requestId: anonymousRequestId(), endpoint, requestedModel: "unknown", policyId: null, decision: null, explanation: null, served: null,
      baseline: null, attempts: [], usage: null, stream: false, simulated: false, cacheHit: false, ttftMs: null, startedAt: this.startedAt,
    };
  }

  get requestId(): string {
    return this.outcome.requestId;
  }

  /** Identifies the caller's key (before any other check, so that a refused request is still logged for its tenant). */
  async identify(db: PrismaClient, headers: HeaderSource): Promise<GatewayKey> {
    const key = await identifyKey(db, headers, this.startedAt);
    this.key = key;
    this.outcome.requestId = issueRequestId(key.tenantId);
    return key;
  }

  /** Builds and queues this request's usage record (once a key identified the tenant) and settles its hold. */
  readonly record = (status: number, errorClass: string | null): UsageRecord | null => {
    if (!this.key) return null;
    const usage = buildUsageRecord(this.outcome, { key: this.key, status, errorClass, latencyMs: Math.round(performance.now() - this.started) });
    getUsageWriter().record(usage);
    if (this.ticket) settleRequest(this.ticket, usage.costUsd, usage.inputTokens + usage.outputTokens);
    this.ticket = null;
    return usage;
  };
}

/**
 * The learning job: runs in every gateway process, and each round one of them (whichever takes
 * PostgreSQL's advisory lock) folds queued evidence into the tenants' learned state. Events are
 * deleted in the transaction that folds them, so each counts once however many processes run; the
 * tenants whose state changed then have their cached gateway config dropped everywhere (NOTIFY),
 * and the next request loads the new state with the config.
 */
import { startProcessJob, startRepeatingJob, stopProcessJob, type RepeatingJob } from "../jobs/repeating-job";
import { Prisma, type PrismaClient } from "../db/generated/client";
import type { ProfileBook } from "../routing/learning/capability-profile";
import { mergeCatalog } from "../catalog/catalog-snapshot";
import { toRoutingPolicy } from "../catalog/policy-snapshot";
import { invalidateTenant } from "../gateway/config-cache";
import type { Notifier } from "../gateway/config-invalidation";
import { foldEvents, type FoldContext } from "./fold-events";
import { decodeLearningState, encodeLearningState } from "./learning-state";
import { rolesLookup } from "./model-roles";
import { planRound, type LoggedRequest, type QueuedEvent } from "./plan-round";

/** The advisory lock's key: one learning round at a time across all processes on the database. */
export const LEARNING_LOCK_KEY = 0x5377_4c72; // "SwLr"

export interface RoundOptions {
  /** Events taken per round (bounds a round's time and memory). */
  maxEvents: number;
  /** An event without its request's log row is dropped once it has waited this many rounds and this long. */
  maxAttempts: number;
  maxAgeMs: number;
}

export const DEFAULT_ROUND_OPTIONS: RoundOptions = { maxEvents: 2000, maxAttempts: 60, maxAgeMs: 60 * 60_000 };

export interface RoundReport {
  /** False when another process held the lock (this one did nothing). */
  locked: boolean;
  /** Events taken from the queue this round. */
  taken: number;
  folded: number;
  ignored: number;
  waiting: number;
  dropped: number;
  /** Tenants whose learned state was written. */
  tenants: string[];
}

// The encoded state is plain JSON by construction (numbers, strings, arrays, records).
const asJson = (v: object) => v as Prisma.InputJsonValue;

type Tx = Prisma.TransactionClient;

/** What folding needs of a tenant's setup: the catalog (profile priors, roles) and the policies (roles). */
async function foldContextOf(tx: Tx, tenantId: string, now: Date, profiles: { book: ProfileBook }): Promise<FoldContext> {
  const [models, policies] = await Promise.all([
    tx.model.findMany({ where: { OR: [{ tenantId: null }, { tenantId }] } }),
    tx.routingPolicy.findMany({ where: { tenantId }, include: { rules: true } }),
  ]);
  const catalog = mergeCatalog(models);
  const routing = policies.map(toRoutingPolicy);
  const byId = new Map(catalog.map((m) => [m.id, m]));
  const ruled = new Set(routing.flatMap((p) => Object.keys(p.rules)));
  return {
    hasRule: (category) => ruled.has(category),
    rolesOf: rolesLookup(catalog, new Map(routing.map((p) => [p.id, p])), policies.find((p) => p.isDefault)?.id ?? null, now, profiles),
    catalogQuality: (modelId, category) => byId.get(modelId)?.quality[category] ?? null,
  };
}

/**
 * One round: under the advisory lock, take up to `maxEvents` queued events in queue order, fold
 * those whose log row is there into their tenants' learned state, give the others one more attempt
 * (or drop them once they waited too long), delete what was folded or dropped, and then invalidate
 * the changed tenants' cached config. `notify` is the connection that announces the invalidations.
 */
export async function runLearningRound(
  db: PrismaClient,
  now: Date = new Date(),
  options: RoundOptions = DEFAULT_ROUND_OPTIONS,
  invalidate: (db: Notifier, tenantId: string) => Promise<void> = invalidateTenant,
): Promise<RoundReport> {
  const report = await db.$transaction(
    async (tx): Promise<RoundReport> => {
      const idle: RoundReport = { locked: true, taken: 0, folded: 0, ignored: 0, waiting: 0, dropped: 0, tenants: [] };
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LEARNING_LOCK_KEY}::bigint) AS locked`;
      if (!lock?.locked) return { ...idle, locked: false };
      // Fewest tries first: events still waiting for their log rows are tried again after the new
      // ones, so a backlog of them cannot hold fresh evidence back until they expire.
      const events = await tx.$queryRaw<QueuedEvent[]>`
        SELECT "id", "tenantId", "requestId", "kind", "score", "payload", "attempts", "createdAt"
        FROM "LearningEvent" ORDER BY "attempts", "id" LIMIT ${options.maxEvents} FOR UPDATE SKIP LOCKED`;
      if (events.length === 0) return idle;
      const rows: LoggedRequest[] = await tx.requestLog.findMany({
        where: { id: { in: [...new Set(events.map((e) => e.requestId))] } },
        select: { id: true, tenantId: true, chosenModel: true, category: true, policyId: true, features: true },
      });
      const plan = planRound(events, rows, now, options);
      const report: RoundReport = { ...idle, taken: events.length, waiting: plan.waiting.length };
      if (plan.waiting.length > 0) await tx.learningEvent.updateMany({ where: { id: { in: plan.waiting } }, data: { attempts: { increment: 1 } } });
      const done: bigint[] = [];
      for (const [tenantId, batch] of plan.tenants) {
        const stored = await tx.tenantLearning.findUnique({ where: { tenantId } });
        const state = decodeLearningState(stored);
        const ctx = await foldContextOf(tx, tenantId, now, { book: state.profiles });
        const { state: next, counts } = foldEvents(state, batch.events, ctx);
        if (batch.dropped.length > 0) next.folded.dropped = (next.folded.dropped ?? 0) + batch.dropped.length;
        const json = encodeLearningState(next);
        const data = {
          profiles: asJson(json.profiles),
          difficulty: json.difficulty ? asJson(json.difficulty) : Prisma.DbNull,
          categories: json.categories ? asJson(json.categories) : Prisma.DbNull,
          folded: asJson(json.folded),
        };
        await tx.tenantLearning.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
        done.push(...batch.ids, ...batch.dropped);
        report.folded += Object.values(counts.folded).reduce((a, b) => a + (b ?? 0), 0);
        report.ignored += counts.ignored;
        report.dropped += batch.dropped.length;
        report.tenants.push(tenantId);
      }
      if (done.length > 0) await tx.learningEvent.deleteMany({ where: { id: { in: done } } });
      return report;
    },
    // Bounded by maxEvents; the timeout only guards against a stuck connection.
    { maxWait: 10_000, timeout: 60_000 },
  );
  // After the commit: a process that reloaded before it would cache the old state until its TTL.
  for (const tenantId of report.tenants) await invalidate(db, tenantId);
  return report;
}

// ---- The job: one per process, a round every interval.

export type LearningJob = RepeatingJob;

export interface LearningJobOptions {
  intervalMs: number;
  round?: RoundOptions;
  log?: (message: string) => void;
}

/** A round every `intervalMs`; a round that took a full batch is followed sooner, to work through a backlog. */
export function startLearningJob(db: PrismaClient, { intervalMs, round = DEFAULT_ROUND_OPTIONS, log }: LearningJobOptions): LearningJob {
  return startRepeatingJob(
    async () => ((await runLearningRound(db, new Date(), round)).taken >= round.maxEvents ? Math.min(intervalMs, 250) : intervalMs),
    { name: "learning", intervalMs, log },
  );
}

/** Starts the process's learning job once; 0 = off. */
export function startProcessLearningJob(db: PrismaClient, intervalMs: number): void {
  startProcessJob("learning", intervalMs, () => startLearningJob(db, { intervalMs }));
}

export function stopProcessLearningJob(): Promise<void> {
  return stopProcessJob("learning");
}

/**
 * The alerts job: runs in every gateway process, and each round one of them (whichever takes
 * PostgreSQL's advisory lock) reads the budgeted keys' and teams' spend from the hourly usage
 * rollups and raises, refreshes or resolves alerts (budget-alerts.ts decides which), then checks
 * every tenant's models for drift (drift/run-drift-checks.ts). Nothing of this runs on a
 * request's path; a round's reads are a few grouped queries per tenant whatever the traffic.
 */
import { startProcessJob, startRepeatingJob, stopProcessJob, type RepeatingJob } from "../jobs/repeating-job";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { monthStart } from "../limits/calendar";
import { planBudgetAlerts, type AlertStatus, type BudgetSubject, type KnownAlert } from "./budget-alerts";
import { runDriftChecks } from "./drift/run-drift-checks";
import { writeAlertPlan, type AlertRoundCounts } from "./write-alert-plan";

/** The advisory lock's key: one alerts round at a time across all processes on the database. */
export const ALERTS_LOCK_KEY = 0x5377_416c; // "SwAl"

export interface AlertRoundReport extends AlertRoundCounts {
  /** False when another process held the lock (this one did nothing). */
  locked: boolean;
}

const DAY_MS = 86_400_000;

type Tx = Prisma.TransactionClient;

/** Spend per owner (key or team id) since `from`, from the hourly rollups. */
async function spendBy(tx: Tx, field: "apiKeyId" | "teamId", ids: string[], from: Date): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.usageRollup.groupBy({
    by: [field],
    where: { [field]: { in: ids }, hour: { gte: from } },
    _sum: { costUsd: true },
  });
  return new Map(rows.map((r) => [String((r as Record<string, unknown>)[field]), Number(r._sum.costUsd ?? 0)]));
}

/** Every budgeted key (not revoked) and team of every tenant, with this month's and the last week's spend. */
async function budgetSubjects(tx: Tx, now: Date): Promise<Map<string, BudgetSubject[]>> {
  const [keys, teams] = await Promise.all([
    tx.apiKey.findMany({ where: { monthlyBudgetUsd: { not: null }, revokedAt: null }, select: { id: true, tenantId: true, name: true, monthlyBudgetUsd: true } }),
    tx.team.findMany({ where: { monthlyBudgetUsd: { not: null } }, select: { id: true, tenantId: true, name: true, monthlyBudgetUsd: true } }),
  ]);
  const month = monthStart(now);
  const week = new Date(now.getTime() - 7 * DAY_MS);
  const keyIds = keys.map((k) => k.id);
  const teamIds = teams.map((t) => t.id);
  const [keyMonth, keyWeek, teamMonth, teamWeek] = await Promise.all([
    spendBy(tx, "apiKeyId", keyIds, month), spendBy(tx, "apiKeyId", keyIds, week),
    spendBy(tx, "teamId", teamIds, month), spendBy(tx, "teamId", teamIds, week),
  ]);
  const byTenant = new Map<string, BudgetSubject[]>();
  const add = (tenantId: string, s: BudgetSubject) => byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), s]);
  for (const k of keys) add(k.tenantId, { type: "key", id: k.id, name: k.name, budgetUsd: Number(k.monthlyBudgetUsd), spentUsd: keyMonth.get(k.id) ?? 0, last7DaysUsd: keyWeek.get(k.id) ?? 0 });
  for (const t of teams) add(t.tenantId, { type: "team", id: t.id, name: t.name, budgetUsd: Number(t.monthlyBudgetUsd), spentUsd: teamMonth.get(t.id) ?? 0, last7DaysUsd: teamWeek.get(t.id) ?? 0 });
  return byTenant;
}

/**
 * One round: under the advisory lock, evaluate every budgeted subject against its budget and write
 * the alerts that changed. Budget alerts already on record that matter are the unresolved ones and
 * those raised this month (so a resolved alert is not raised again the same month).
 */
export async function runAlertRound(db: PrismaClient, now: Date = new Date()): Promise<AlertRoundReport> {
  return db.$transaction(
    async (tx): Promise<AlertRoundReport> => {
      const report: AlertRoundReport = { locked: true, raised: 0, refreshed: 0, resolved: 0 };
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ALERTS_LOCK_KEY}::bigint) AS locked`;
      if (!lock?.locked) return { ...report, locked: false };
      const subjects = await budgetSubjects(tx, now);
      const known = await tx.alert.findMany({
        where: { kind: "budget", OR: [{ status: { not: "resolved" } }, { firstSeenAt: { gte: monthStart(now) } }] },
        select: { id: true, tenantId: true, dedupeKey: true, status: true },
      });
      const knownByTenant = new Map<string, KnownAlert[]>();
      for (const a of known) knownByTenant.set(a.tenantId, [...(knownByTenant.get(a.tenantId) ?? []), { id: a.id, dedupeKey: a.dedupeKey, status: a.status as AlertStatus }]);
      const tenants = new Set([...subjects.keys(), ...knownByTenant.keys()]);
      for (const tenantId of tenants) {
        await writeAlertPlan(tx, tenantId, planBudgetAlerts(subjects.get(tenantId) ?? [], knownByTenant.get(tenantId) ?? [], now), now, report);
      }
      await runDriftChecks(tx, now, report);
      return report;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

// ---- The job: one per process, a round every interval.

export type AlertsJob = RepeatingJob;

export function startAlertsJob(db: PrismaClient, { intervalMs, log }: { intervalMs: number; log?: (message: string) => void }): AlertsJob {
  return startRepeatingJob(() => runAlertRound(db, new Date()).then(() => undefined), { name: "alerts", intervalMs, log });
}

/** Starts the process's alerts job once; 0 = off. */
export function startProcessAlertsJob(db: PrismaClient, intervalMs: number): void {
  startProcessJob("alerts", intervalMs, () => startAlertsJob(db, { intervalMs }));
}

export function stopProcessAlertsJob(): Promise<void> {
  return stopProcessJob("alerts");
}

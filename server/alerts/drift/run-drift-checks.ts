/**
 * The drift part of an alerts round (run by alerts-job.ts inside its transaction, under its
 * advisory lock): for each tenant with drift alerts on, load its windows, detect drift, compare
 * its catalog prices with the snapshot, and raise, refresh or resolve its drift alerts.
 */
import type { Prisma } from "../../db/generated/client";
import { effectiveRows } from "../../console/models/catalog-entry";
import { storedDriftSettings } from "../../console/schemas/drift-settings";
import type { AlertStatus } from "../budget-alerts";
import { writeAlertPlan, type AlertRoundCounts } from "../write-alert-plan";
import { detectDrift } from "./detect-drift";
import { driftWindows, loadDriftWindows } from "./load-drift-windows";
import { planDriftAlerts, seriesKey } from "./plan-drift-alerts";
import { comparePrices, readPriceSnapshot, type ModelPrice } from "./price-changes";

type Tx = Prisma.TransactionClient;

const priceOf = (value: { toString(): string } | null) => (value === null ? null : Number(value));

/** The tenant's effective price (its override, else the global entry) of each model it used. */
async function currentPrices(tx: Tx, tenantId: string, models: string[]): Promise<Map<string, ModelPrice>> {
  if (models.length === 0) return new Map();
  const rows = await tx.model.findMany({ where: { slug: { in: models }, OR: [{ tenantId: null }, { tenantId }] } });
  return new Map(effectiveRows(rows).map(({ row }) => [row.slug, { inputPerMTok: priceOf(row.inputPricePerMTok), outputPerMTok: priceOf(row.outputPricePerMTok) }]));
}

/**
 * A round checks tenants until this much time has gone (the round's transaction must end well
 * within its 60 s timeout); the rest wait for a later round. Each round starts one tenant further
 * on, so with many tenants every one is still checked regularly.
 */
const DRIFT_TIME_BUDGET_MS = 20_000;
const MINUTE_MS = 60_000;

export async function runDriftChecks(tx: Tx, now: Date, counts: AlertRoundCounts, timeBudgetMs = DRIFT_TIME_BUDGET_MS): Promise<void> {
  const started = performance.now();
  const all = await tx.tenant.findMany({ select: { id: true, driftSettings: true, driftPriceSnapshot: true }, orderBy: { id: "asc" } });
  const first = all.length > 0 ? Math.floor(now.getTime() / MINUTE_MS) % all.length : 0;
  let checked = 0;
  for (const tenant of [...all.slice(first), ...all.slice(0, first)]) {
    // At least one tenant per round, so that every round makes progress.
    if (checked++ > 0 && performance.now() - started > timeBudgetMs) break;
    const settings = storedDriftSettings(tenant.driftSettings);
    if (!settings.enabled) continue;
    const windows = driftWindows(now, settings);
    const series = await loadDriftWindows(tx, tenant.id, windows);
    const { findings } = detectDrift(series, settings);
    const prices = comparePrices(
      await currentPrices(tx, tenant.id, [...new Set(series.map((s) => s.model))]),
      readPriceSnapshot(tenant.driftPriceSnapshot), settings.priceChangePercent, now,
    );
    if (prices.changed) await tx.tenant.update({ where: { id: tenant.id }, data: { driftPriceSnapshot: prices.snapshot } });
    const known = await tx.alert.findMany({
      where: { tenantId: tenant.id, kind: "drift", OR: [{ status: { not: "resolved" } }, { resolvedAt: { gte: windows.recentFrom } }] },
      select: { id: true, status: true, details: true },
    });
    if (!known.some((a) => a.status !== "resolved") && prices.changes.length === 0 && !findings.some((f) => f.detected)) continue;
    const policies = await tx.routingPolicy.findMany({
      where: { tenantId: tenant.id },
      select: { id: true, name: true, baselineModelSlug: true, rules: { select: { category: true, allowedModels: true, fallbackOrder: true } } },
    });
    const recentRequests = new Map(series.map((s) => [seriesKey(s.model, s.category), s.recent.requests]));
    const plan = planDriftAlerts(findings, prices.changes, known.map((a) => ({ ...a, status: a.status as AlertStatus })), settings, {
      windows, recentRequests, tenantRecentRequests: series.reduce((n, s) => n + s.recent.requests, 0), policies, now,
    });
    await writeAlertPlan(tx, tenant.id, plan, now, counts);
  }
}

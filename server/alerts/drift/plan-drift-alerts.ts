/**
 * Drift alerts, decided without I/O: given a tenant's drift findings, its catalog price changes
 * and its drift alerts on record, which alerts to raise, refresh and resolve.
 *
 * One alert per model, category and metric while the change lasts: a persisting change refreshes
 * the same alert (its "since" stays the window in which it was first detected); once the metric
 * is back to normal it resolves. A later change raises a new alert (the dedupe key carries the
 * hour it was first detected) once the recent window no longer reaches back to the resolution,
 * so an alert a member resolved does not come straight back. A model and category without
 * enough traffic this round leaves its alerts as they are: nothing says the metric is back. A
 * price change is an event: its alert stays until someone resolves it or the price changes again.
 */
import { z } from "zod";
import { describeReach, policiesReaching, type PolicyForReach } from "../../console/models/policy-reach";
import type { AlertStatus, Severity } from "../budget-alerts";
import type { DriftSettings } from "../../console/schemas/drift-settings";
import { DRIFT_METRICS, METRIC_INFO, minEffectOf, type DriftFinding, type DriftMetric, type MetricUnit } from "./detect-drift";
import { formatChange, formatMetricValue } from "./drift-format";
import type { ModelPrice, PriceChange } from "./price-changes";

/** The windows a round compared: [referenceFrom, recentFrom) against [recentFrom, to). */
export interface DriftWindows {
  referenceFrom: Date;
  recentFrom: Date;
  to: Date;
}

export interface DriftContext {
  windows: DriftWindows;
  /** Requests of the recent window per "model|category", and the tenant's total. */
  recentRequests: ReadonlyMap<string, number>;
  tenantRecentRequests: number;
  policies: readonly PolicyForReach[];
  now: Date;
}

export const seriesKey = (model: string, category: string) => `${model}|${category}`;

/** What a drift alert's details hold: enough to read it without opening anything else. */
export interface DriftAlertDetails {
  metric: DriftMetric | "price";
  metricLabel: string;
  model: string;
  /** null for a price change (it is the model's, whatever the category). */
  category: string | null;
  unit: MetricUnit | "usd_per_mtok";
  /** The reference and the recent value (for a price: input price per 1M tokens; see `price`). */
  from: number | null;
  to: number | null;
  /** to - from in percent of `from`, or in points. */
  change: number | null;
  changeUnit: "percent" | "points";
  /** The test's one-sided p-value (before the correction); null for a price change. */
  pValue: number | null;
  /** Start of the recent window in which the change was first detected (ISO); for a price, when the job first saw the new one. */
  since: string;
  /** The windows of the latest round that saw it (ISO). */
  window: { referenceFrom: string; recentFrom: string; to: string };
  /** Requests the model served in the category (price: in every category) in the recent window, and their share of the tenant's. */
  traffic: { requests: number; sharePercent: number };
  /** Policies that can route to the model ("default", "default (any model in coding)"). */
  policies: string[];
  links: { logs: string; dashboard: string };
  /** A price change: both prices before and after, and since when the old ones had been seen. */
  price?: { from: ModelPrice; to: ModelPrice; inputChangePercent: number | null; outputChangePercent: number | null; previousSince: string };
}

export interface DriftAlertDraft {
  dedupeKey: string;
  kind: "drift";
  subjectType: "model";
  subjectId: string;
  severity: Severity;
  title: string;
  details: DriftAlertDetails;
}

export interface KnownDriftAlert {
  id: string;
  status: AlertStatus;
  details: unknown;
}

export interface DriftAlertPlan {
  raise: DriftAlertDraft[];
  refresh: { id: string; draft: DriftAlertDraft }[];
  resolve: string[];
}

/** What the planner reads back from an alert on record; an alert it cannot read is left alone. */
const knownDetailsSchema = z.object({
  metric: z.enum([...DRIFT_METRICS, "price"]),
  model: z.string(),
  category: z.string().nullable(),
  since: z.string(),
});

/** A change this many times the minimum effect is critical; smaller ones are warnings. */
const CRITICAL_MULTIPLE = 3;

const hourKey = (d: Date) => d.toISOString().slice(0, 13);

function links(model: string, category: string | null, windows: DriftWindows, metric: DriftAlertDetails["metric"]) {
  const logs = new URLSearchParams({ from: windows.recentFrom.toISOString(), model });
  if (category) logs.set("category", category);
  if (metric === "error_rate") logs.set("status", "error");
  const dashboard = new URLSearchParams({ range: "custom", from: windows.referenceFrom.toISOString(), to: windows.to.toISOString(), model });
  if (category) dashboard.set("category", category);
  return { logs: `/logs?${logs.toString()}`, dashboard: `/?${dashboard.toString()}` };
}

function traffic(requests: number, ctx: DriftContext) {
  const share = ctx.tenantRecentRequests > 0 ? (requests / ctx.tenantRecentRequests) * 100 : 0;
  return { requests, sharePercent: Math.round(share * 10) / 10 };
}

const windowJson = (w: DriftWindows) => ({ referenceFrom: w.referenceFrom.toISOString(), recentFrom: w.recentFrom.toISOString(), to: w.to.toISOString() });

function findingTitle(f: DriftFinding): string {
  const info = METRIC_INFO[f.metric];
  const by = formatChange(Math.abs(f.change), info.change).slice(1);
  return `${f.model} in ${f.category}: ${info.label} ${f.change >= 0 ? "up" : "down"} ${by} (${formatMetricValue(f.from, info.unit)} → ${formatMetricValue(f.to, info.unit)})`;
}

function findingDraft(f: DriftFinding, since: string, minEffect: number, ctx: DriftContext): DriftAlertDraft {
  const info = METRIC_INFO[f.metric];
  return {
    dedupeKey: `drift:${f.metric}:${f.model}:${f.category}:${hourKey(new Date(since))}`,
    kind: "drift",
    subjectType: "model",
    subjectId: f.model,
    severity: Math.abs(f.change) >= CRITICAL_MULTIPLE * minEffect ? "critical" : "warning",
    title: findingTitle(f),
    details: {
      metric: f.metric,
      metricLabel: info.label,
      model: f.model,
      category: f.category,
      unit: info.unit,
      from: f.from,
      to: f.to,
      change: f.change,
      changeUnit: info.change,
      pValue: f.pValue,
      since,
      window: windowJson(ctx.windows),
      traffic: traffic(ctx.recentRequests.get(seriesKey(f.model, f.category)) ?? 0, ctx),
      policies: policiesReaching(f.model, ctx.policies).map(describeReach),
      links: links(f.model, f.category, ctx.windows, f.metric),
    },
  };
}

const priceText = (p: ModelPrice) => `${formatMetricValue(p.inputPerMTok, "usd_per_mtok")} / ${formatMetricValue(p.outputPerMTok, "usd_per_mtok")}`;

function priceDraft(c: PriceChange, ctx: DriftContext): DriftAlertDraft {
  let requests = 0;
  for (const [key, n] of ctx.recentRequests) if (key.startsWith(`${c.model}|`)) requests += n;
  return {
    dedupeKey: `drift:price:${c.model}:${hourKey(ctx.now)}`,
    kind: "drift",
    subjectType: "model",
    subjectId: c.model,
    severity: "info",
    title: `${c.model}: catalog price changed from ${priceText(c.from)} to ${priceText(c.to)} per 1M input / output tokens`,
    details: {
      metric: "price",
      metricLabel: "catalog price",
      model: c.model,
      category: null,
      unit: "usd_per_mtok",
      from: c.from.inputPerMTok,
      to: c.to.inputPerMTok,
      change: c.inputChangePercent,
      changeUnit: "percent",
      pValue: null,
      since: ctx.now.toISOString(),
      window: windowJson(ctx.windows),
      traffic: traffic(requests, ctx),
      policies: policiesReaching(c.model, ctx.policies).map(describeReach),
      links: links(c.model, null, ctx.windows, "price"),
      price: { from: c.from, to: c.to, inputChangePercent: c.inputChangePercent, outputChangePercent: c.outputChangePercent, previousSince: c.previousSince },
    },
  };
}

/**
 * Compares the findings with the alerts on record. `known` must hold the tenant's unresolved drift
 * alerts and those resolved since the recent window began: a change resolved (by a member, or
 * because it faded) is not raised again while that window still holds the traffic it was judged
 * on. The settings give each metric's minimum effect (for the severity).
 */
export function planDriftAlerts(
  findings: readonly DriftFinding[], prices: readonly PriceChange[], known: readonly KnownDriftAlert[],
  settings: DriftSettings, ctx: DriftContext,
): DriftAlertPlan {
  const plan: DriftAlertPlan = { raise: [], refresh: [], resolve: [] };
  const open = new Map<string, { id: string; since: string }>();
  const recentlyResolved = new Set<string>();
  for (const alert of known) {
    const d = knownDetailsSchema.safeParse(alert.details);
    if (!d.success) continue;
    const key = `${d.data.metric}|${d.data.model}|${d.data.category}`;
    if (alert.status === "resolved") {
      recentlyResolved.add(key);
      continue;
    }
    if (d.data.metric === "price") {
      // A newer price change supersedes the alert on the previous one.
      if (prices.some((p) => p.model === d.data.model)) plan.resolve.push(alert.id);
      continue;
    }
    open.set(key, { id: alert.id, since: d.data.since });
  }
  for (const f of findings) {
    const existing = open.get(`${f.metric}|${f.model}|${f.category}`);
    if (existing) {
      if (f.persisting) plan.refresh.push({ id: existing.id, draft: findingDraft(f, existing.since, minEffectOf(f.metric, settings), ctx) });
      else plan.resolve.push(existing.id);
    } else if (f.detected && !recentlyResolved.has(`${f.metric}|${f.model}|${f.category}`)) {
      plan.raise.push(findingDraft(f, ctx.windows.recentFrom.toISOString(), minEffectOf(f.metric, settings), ctx));
    }
  }
  for (const c of prices) plan.raise.push(priceDraft(c, ctx));
  return plan;
}

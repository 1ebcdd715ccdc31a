/**
 * Budget alerts, decided without I/O: given each budgeted key's and team's month-to-date spend and
 * the tenant's budget alerts already on record, which alerts to raise, refresh and resolve. The
 * alerts job (alerts-job.ts) reads the inputs and writes the outcome.
 *
 * One alert per subject, threshold and month (its dedupe key names all three), so an alert that was
 * acknowledged or resolved is not raised again the same month; a new month has new keys, and last
 * month's alerts resolve because their cause is no longer current.
 */
import { monthKey, monthStart, nextMonthStart } from "../limits/calendar";

export type SubjectType = "key" | "team";
export type Severity = "info" | "warning" | "critical";
export type AlertStatus = "open" | "acknowledged" | "resolved";

/** Share of the budget spent at which an alert is raised, and how loud it is. */
export const BUDGET_THRESHOLDS: readonly { percent: number; severity: Severity }[] = [
  { percent: 50, severity: "info" },
  { percent: 80, severity: "warning" },
  { percent: 100, severity: "critical" },
];

export interface BudgetSubject {
  type: SubjectType;
  id: string;
  name: string;
  budgetUsd: number;
  /** Spent since the start of the month (UTC). */
  spentUsd: number;
  /** Spent in the 7 days before now (may reach into last month: it only measures the pace). */
  last7DaysUsd: number;
}

export interface KnownAlert {
  id: string;
  dedupeKey: string;
  status: AlertStatus;
}

const DAY_MS = 86_400_000;
/** The month has to have run this long before its own pace is trusted over the last week's. */
const WEEK_DAYS = 7;

export interface BudgetForecast {
  /** Which pace the forecast used: the month so far, or the last 7 days once the month has run a week. */
  pace: "month_to_date" | "last_7_days";
  usdPerDay: number;
  /** When the budget runs out at that pace (ISO); null = not this month. Now when already spent. */
  runsOutAt: string | null;
}

/**
 * When the budget runs out at the current pace. In the first week the month-to-date pace is all
 * there is; after it the last 7 days' pace is used, because a burst early in the month (a batch
 * job, a test) otherwise keeps inflating the forecast for weeks after the traffic settled.
 */
export function forecastBudget(subject: Pick<BudgetSubject, "budgetUsd" | "spentUsd" | "last7DaysUsd">, now: Date): BudgetForecast {
  const elapsedDays = (now.getTime() - monthStart(now).getTime()) / DAY_MS;
  const weekly = elapsedDays >= WEEK_DAYS;
  const usdPerDay = weekly ? subject.last7DaysUsd / WEEK_DAYS : elapsedDays > 0 ? subject.spentUsd / elapsedDays : 0;
  const pace = weekly ? "last_7_days" : "month_to_date";
  const remaining = subject.budgetUsd - subject.spentUsd;
  if (remaining <= 0) return { pace, usdPerDay, runsOutAt: now.toISOString() };
  if (usdPerDay <= 0) return { pace, usdPerDay, runsOutAt: null };
  const runsOut = now.getTime() + (remaining / usdPerDay) * DAY_MS;
  return { pace, usdPerDay, runsOutAt: runsOut < nextMonthStart(now).getTime() ? new Date(runsOut).toISOString() : null };
}

export function budgetDedupeKey(type: SubjectType, id: string, now: Date, percent: number): string {
  return `budget:${type}:${id}:${monthKey(now)}:${percent}`;
}

/** What an alert's details hold for a budget: enough to read it without opening anything else. */
export interface BudgetAlertDetails {
  subjectName: string;
  month: string;
  thresholdPercent: number;
  budgetUsd: number;
  spentUsd: number;
  spentPercent: number;
  /** Since when the month's spend is counted (ISO, start of the UTC month). */
  since: string;
  forecast: BudgetForecast;
  /** Console page to look at the subject's spend: the request logs filtered to it. */
  link: string;
}

export interface AlertDraft {
  dedupeKey: string;
  kind: "budget";
  subjectType: SubjectType;
  subjectId: string;
  severity: Severity;
  title: string;
  details: BudgetAlertDetails;
}

export interface BudgetAlertPlan {
  /** New alerts (crossed thresholds with no alert this month). */
  raise: AlertDraft[];
  /** Alerts still current and not resolved: their details and last-seen time are refreshed. */
  refresh: { id: string; draft: AlertDraft }[];
  /** Unresolved alerts whose cause is gone (month turned, budget raised or removed, subject gone). */
  resolve: string[];
}

const usd = (v: number) => `$${v.toFixed(2)}`;

function logsLink(subject: BudgetSubject, now: Date): string {
  const params = new URLSearchParams({ from: monthStart(now).toISOString(), [subject.type === "key" ? "key" : "team"]: subject.id });
  return `/logs?${params.toString()}`;
}

/** The alerts a subject's spend calls for now, one per crossed threshold. */
export function budgetDrafts(subject: BudgetSubject, now: Date): AlertDraft[] {
  if (!(subject.budgetUsd > 0)) return [];
  const spentPercent = (subject.spentUsd / subject.budgetUsd) * 100;
  const forecast = forecastBudget(subject, now);
  const label = subject.type === "key" ? "API key" : "Team";
  return BUDGET_THRESHOLDS.filter((t) => spentPercent >= t.percent).map((t) => ({
    dedupeKey: budgetDedupeKey(subject.type, subject.id, now, t.percent),
    kind: "budget",
    subjectType: subject.type,
    subjectId: subject.id,
    severity: t.severity,
    title: `${label} "${subject.name}" ${t.percent >= 100 ? "used its whole" : `passed ${t.percent}% of its`} monthly budget (${usd(subject.spentUsd)} of ${usd(subject.budgetUsd)})`,
    details: {
      subjectName: subject.name,
      month: monthKey(now),
      thresholdPercent: t.percent,
      budgetUsd: subject.budgetUsd,
      spentUsd: subject.spentUsd,
      spentPercent: Math.round(spentPercent * 10) / 10,
      since: monthStart(now).toISOString(),
      forecast,
      link: logsLink(subject, now),
    },
  }));
}

/**
 * Compares what the spend calls for with what is on record. `known` must hold the tenant's budget
 * alerts that are unresolved or were raised this month (so resolved ones are not raised again).
 */
export function planBudgetAlerts(subjects: readonly BudgetSubject[], known: readonly KnownAlert[], now: Date): BudgetAlertPlan {
  const byKey = new Map(known.map((a) => [a.dedupeKey, a]));
  const current = new Set<string>();
  const plan: BudgetAlertPlan = { raise: [], refresh: [], resolve: [] };
  for (const subject of subjects) {
    for (const draft of budgetDrafts(subject, now)) {
      current.add(draft.dedupeKey);
      const existing = byKey.get(draft.dedupeKey);
      if (!existing) plan.raise.push(draft);
      else if (existing.status !== "resolved") plan.refresh.push({ id: existing.id, draft });
    }
  }
  for (const alert of known) if (alert.status !== "resolved" && !current.has(alert.dedupeKey)) plan.resolve.push(alert.id);
  return plan;
}

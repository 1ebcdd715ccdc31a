"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { LearnMore } from "@/components/docs/learn-more";
import { EmptyState, ErrorState, QueryState } from "@/components/ui/states";
import type { AlertFilters } from "@/server/console/schemas/alerts";
import { AlertFiltersBar } from "./alert-filters";
import { DriftAlertDetails } from "./drift-alert-details";
import { isDriftView } from "./drift-text";
import { forecastText, isForecast } from "./forecast-text";

const SEVERITY_TONE = { info: "indigo", warning: "amber", critical: "red" } as const;
const STATUS_TONE = { open: "red", acknowledged: "amber", resolved: "green" } as const;
/** The console page of an alert's subject. */
const SUBJECT_PAGES: Record<string, { href: string; label: string }> = {
  key: { href: "/keys", label: "Keys page" },
  team: { href: "/teams", label: "Teams page" },
  model: { href: "/models", label: "Models page" },
};
const tone = <T extends Record<string, "slate" | "amber" | "green" | "red" | "indigo">>(map: T, key: string) => map[key as keyof T] ?? "slate";

/** Every alert by default, newest sighting first; the filters narrow it down. */
const DEFAULT_FILTERS: AlertFilters = { status: null, kind: null, severity: null };

export function AlertsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canAct = useCan("member");
  const [filters, setFilters] = useState<AlertFilters>(DEFAULT_FILTERS);
  const alerts = useQuery(trpc.alerts.list.queryOptions(filters));
  const refresh = () => queryClient.invalidateQueries(trpc.alerts.pathFilter());
  const acknowledge = useMutation(trpc.alerts.acknowledge.mutationOptions({ onSuccess: refresh }));
  const resolve = useMutation(trpc.alerts.resolve.mutationOptions({ onSuccess: refresh }));
  return (
    <>
      <PageHeader title="Alerts" description="Budgets passing 50%, 80% and 100% of their monthly cap (resolved when the month turns or the budget is raised), and models drifting in quality, latency, errors, tokens, cost or price (resolved when the metric is back to normal)." />
      <p className="-mt-4 mb-4 text-sm"><LearnMore slug="alerts">How alerts work</LearnMore></p>
      <div className="space-y-4">
        <AlertFiltersBar filters={filters} onChange={setFilters} />
        <ErrorState error={acknowledge.error ?? resolve.error} />
        <QueryState query={alerts}>
          {({ alerts: rows, open }) => (
            <>
              <p className="text-sm text-slate-600">{open} open</p>
              {rows.length === 0 ? <EmptyState title="No alerts match" action={<Link href="/keys" className="font-medium text-indigo-700 underline">Set a budget on a key</Link>}>
                  Budget alerts need a monthly budget on a key or a team; drift alerts come once models have traffic. Clear the filters to see every alert.
                </EmptyState> : (
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Alerts">
                  {rows.map((a) => {
                    const d = a.details;
                    const subjectPage = SUBJECT_PAGES[a.subjectType];
                    return (
                      <li key={a.id} className="space-y-1 px-4 py-3 text-sm">
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone={tone(SEVERITY_TONE, a.severity)}>{a.severity}</Badge>
                          <Badge tone={tone(STATUS_TONE, a.status)}>{a.status}</Badge>
                          <span className="font-medium">{a.title}</span>
                        </div>
                        <p className="text-slate-600">
                          {typeof d.spentPercent === "number" && `${d.spentPercent}% of the budget spent`}
                          {typeof d.spentPercent === "number" && typeof d.since === "string" && ` since ${formatDateTime(new Date(d.since))}`}
                          {" · first seen "}{formatDateTime(a.firstSeenAt)}{" · last seen "}{formatDateTime(a.lastSeenAt)}
                          {a.resolvedAt && <> · resolved {formatDateTime(a.resolvedAt)}</>}
                        </p>
                        {isForecast(d.forecast) && <p className="text-slate-600">{forecastText(d.forecast)}</p>}
                        {a.kind === "drift" && isDriftView(d) && <DriftAlertDetails details={d} />}
                        <div className="flex flex-wrap items-center gap-3">
                          {typeof d.link === "string" && d.link.startsWith("/") && <Link className="text-indigo-700 underline" href={d.link}>Requests this month</Link>}
                          {subjectPage && <Link className="text-indigo-700 underline" href={subjectPage.href}>{subjectPage.label}</Link>}
                          {canAct && a.status === "open" && <Button onClick={() => acknowledge.mutate({ id: a.id })} disabled={acknowledge.isPending}>Acknowledge</Button>}
                          {canAct && a.status !== "resolved" && <Button onClick={() => resolve.mutate({ id: a.id })} disabled={resolve.isPending}>Resolve</Button>}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}

"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { PagingFooter, useCursorPaging } from "@/components/ui/cursor-paging";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { pluraliseCapped } from "@/components/ui/pluralise";
import { DataTable } from "@/components/ui/data-table";
import { LogFiltersBar } from "./log-filters";
import { LogDetail } from "./log-detail";
import { formatCost } from "./read-explanation";
import { logFiltersFromSearch, logFiltersToSearch } from "./log-filters-url";
import type { LogFilters } from "@/server/console/schemas/logs";
import type { CappedCount } from "@/server/console/lists/capped-count";

const PAGE_SIZE = 50;

export function LogsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  // The filters live in the URL, so that links (e.g. from the dashboard), reloads, back and
  // forward all show the same view.
  const filters = useMemo(() => logFiltersFromSearch(new URLSearchParams(query)), [query]);
  const paging = useCursorPaging();
  // New filters start again from their first page.
  const [pagedQuery, setPagedQuery] = useState(query);
  if (pagedQuery !== query) {
    setPagedQuery(query);
    paging.backToFirst();
  }
  // A change pushed but not yet in the URL: the next change builds on it, so two quick changes both stay.
  const pending = useRef<{ filters: LogFilters; query: string } | null>(null);
  useEffect(() => {
    if (pending.current?.query === query) pending.current = null;
  }, [query]);
  // ?request=<id> opens that request's detail (links from a policy's what-if).
  const [openId, setOpenId] = useState<string | null>(() => searchParams.get("request"));
  const logs = useQuery({ ...trpc.logs.list.queryOptions({ filters, cursor: paging.cursor, limit: PAGE_SIZE }), placeholderData: keepPreviousData });
  const total = useQuery({ ...trpc.logs.count.queryOptions({ filters }), placeholderData: keepPreviousData });
  const changeFilters = useCallback((update: (current: LogFilters) => LogFilters) => {
    const next = update(pending.current?.filters ?? logFiltersFromSearch(new URLSearchParams(window.location.search)));
    const nextQuery = logFiltersToSearch(next).toString();
    pending.current = { filters: next, query: nextQuery };
    router.push(nextQuery ? `${pathname}?${nextQuery}` : pathname, { scroll: false });
  }, [pathname, router]);
  const exportHref = `/api/logs/export?${logFiltersToSearch(filters).toString()}`;

  return (
    <>
      <PageHeader
        title="Request logs"
        description="Every gateway request, newest first."
        actions={<>
          <a href={exportHref} download className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400">Export CSV</a>
          <Button onClick={() => { void logs.refetch(); void total.refetch(); }}>Refresh</Button>
        </>}
      />
      <LogFiltersBar filters={filters} onChange={changeFilters} />
      <p role="status" className="mb-2 text-sm text-slate-600" data-testid="log-total">{total.data ? totalText(total.data) : "\u00a0"}</p>
      <QueryState query={logs}>
        {(page) => page.items.length === 0 ? <EmptyState title="No requests match" action={<Link href="/keys" className="font-medium text-indigo-700 underline">Create a key and copy a snippet</Link>}>Widen the filters, or send a request through the gateway: each one is listed here a few seconds after it is answered.</EmptyState> : (
          <>
            <DataTable head={<tr><th className="px-3 py-2">Time</th><th className="px-3 py-2">Key</th><th className="px-3 py-2">Team</th><th className="px-3 py-2">Category</th><th className="px-3 py-2">Model</th><th className="px-3 py-2">Status</th><th className="px-3 py-2 text-right">Cost</th><th className="px-3 py-2 text-right">Latency</th><th className="px-3 py-2">Cache</th><th className="px-3 py-2">Fallbacks</th></tr>}>
              {page.items.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 hover:bg-slate-50">
                  <td className="px-3 py-2 whitespace-nowrap"><button type="button" className="text-indigo-700 hover:underline" onClick={() => setOpenId(r.id)}>{formatDateTime(r.createdAt)}</button></td>
                  <td className="px-3 py-2">{r.keyName ?? "—"}</td>
                  <td className="px-3 py-2">{r.teamName ?? "—"}</td>
                  <td className="px-3 py-2">{r.category ?? "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.chosenModel ?? "—"}{r.simulated && <> <Badge tone="amber">sim</Badge></>}</td>
                  <td className="px-3 py-2"><Badge tone={r.status < 400 ? "green" : "red"}>{r.status}</Badge></td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.costUsd === null ? <span className="text-amber-700">unpriced</span> : formatCost(r.costUsd)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.latencyMs} ms</td>
                  <td className="px-3 py-2">{r.cacheHit ? "hit" : "miss"}</td>
                  <td className="px-3 py-2 tabular-nums">{r.fallbackCount}</td>
                </tr>
              ))}
            </DataTable>
            <PagingFooter paging={paging} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
      {openId && <LogDetail id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function totalText(total: CappedCount): string {
  return `${pluraliseCapped(total, "request")} ${total.count === 1 && !total.capped ? "matches" : "match"}`;
}

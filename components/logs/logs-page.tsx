"use client";

import Link from "next/link";
import { useState } from "react";
import { useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { PagingFooter, useCursorPaging } from "@/components/ui/cursor-paging";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryState } from "@/components/ui/states";
import { formatDateTime, formatUsd } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";
import { LogFiltersBar } from "./log-filters";
import { LogDetail } from "./log-detail";
import { logFiltersFromSearch } from "./log-filters-url";

const PAGE_SIZE = 50;

export function LogsPage() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  // Filters start from the URL, so that links (e.g. from the dashboard) open a filtered view.
  const [filters, setFilters] = useState(() => logFiltersFromSearch(searchParams));
  const paging = useCursorPaging();
  // ?request=<id> opens that request's detail (links from a policy's what-if).
  const [openId, setOpenId] = useState<string | null>(() => searchParams.get("request"));
  const logs = useQuery({ ...trpc.logs.list.queryOptions({ filters, cursor: paging.cursor, limit: PAGE_SIZE }), placeholderData: keepPreviousData });
  const changeFilters = (next: typeof filters) => { setFilters(next); paging.backToFirst(); };

  return (
    <>
      <PageHeader title="Request logs" description="Every gateway request, newest first." actions={<Button onClick={() => logs.refetch()}>Refresh</Button>} />
      <LogFiltersBar filters={filters} onChange={changeFilters} />
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
                  <td className="px-3 py-2 text-right tabular-nums">{r.costUsd === null ? <span className="text-amber-700">unpriced</span> : formatUsd(r.costUsd)}</td>
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

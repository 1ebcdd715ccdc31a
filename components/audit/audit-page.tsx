"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { PagingFooter, useCursorPaging } from "@/components/ui/cursor-paging";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";

export function AuditPage() {
  const trpc = useTRPC();
  const paging = useCursorPaging();
  const audit = useQuery({ ...trpc.audit.list.queryOptions({ cursor: paging.cursor, limit: 50 }), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader title="Audit log" description="Every change made in the console or through the admin API, by whom and when." />
      <QueryState query={audit}>
        {(page) => page.items.length === 0 ? <EmptyState title="Nothing recorded yet" /> : (
          <>
            <DataTable head={<tr><th className="px-3 py-2">Time</th><th className="px-3 py-2">Who</th><th className="px-3 py-2">Action</th><th className="px-3 py-2">Target</th><th className="px-3 py-2">Details</th></tr>}>
              {page.items.map((a) => (
                <tr key={a.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(a.createdAt)}</td>
                  <td className="px-3 py-2">{a.actorEmail ?? a.actorKey ?? "system"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{a.action}</td>
                  <td className="px-3 py-2">{a.targetType}{a.targetId && <span className="block font-mono text-xs text-slate-500">{a.targetId}</span>}</td>
                  <td className="px-3 py-2 font-mono text-xs">{a.details ? JSON.stringify(a.details) : ""}</td>
                </tr>
              ))}
            </DataTable>
            <PagingFooter paging={paging} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}

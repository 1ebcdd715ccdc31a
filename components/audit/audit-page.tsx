"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc";
import { PagingFooter, useCursorPaging } from "@/components/ui/cursor-paging";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryState } from "@/components/ui/states";
import { pluraliseCapped } from "@/components/ui/pluralise";
import { auditFiltersFromSearch, auditFiltersToSearch } from "@/server/console/audit/audit-filters-url";
import type { AuditFilters } from "@/server/console/schemas/audit";
import { AuditEntry, type AuditItem } from "./audit-entry";
import { AuditFiltersBar } from "./audit-filters-bar";

const PAGE_SIZE = 50;

export function AuditPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The URL is the filters' only home: links and reloads open the same view, and the export asks for it.
  const filters = useMemo(() => auditFiltersFromSearch(new URLSearchParams(searchParams.toString())), [searchParams]);
  const query = auditFiltersToSearch(filters).toString();
  const paging = useCursorPaging();
  // The name of the object filtered by, remembered from the entry it was picked on.
  const [objectLabel, setObjectLabel] = useState<string | null>(null);
  const audit = useQuery({ ...trpc.audit.list.queryOptions({ filters, cursor: paging.cursor, limit: PAGE_SIZE }), placeholderData: keepPreviousData });

  const changeFilters = (next: AuditFilters) => {
    paging.backToFirst();
    const search = auditFiltersToSearch(next).toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };
  const onlyThisObject = (item: AuditItem) => {
    setObjectLabel(item.object);
    changeFilters({ ...filters, targetType: item.targetType, targetId: item.targetId });
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in the console or through the admin API, by whom and when."
        actions={<a className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400" href={`/api/audit/export${query ? `?${query}` : ""}`} download>Export CSV</a>}
      />
      <AuditFiltersBar filters={filters} objectLabel={objectLabel} onChange={changeFilters} />
      <QueryState query={audit}>
        {(page) => page.items.length === 0 ? (
          <EmptyState title={query ? "No changes match these filters" : "Nothing recorded yet"}>
            {query ? "Widen the filters or clear them." : "Changes to keys, policies, models, members and settings appear here as they are made."}
          </EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-500" aria-live="polite">{pluraliseCapped(page.total, "entry", "entries")}</p>
            <ol className="rounded-lg border border-slate-200 bg-white" aria-label="Audit entries">
              {page.items.map((item) => <AuditEntry key={item.id} item={item} onOnlyThisObject={onlyThisObject} />)}
            </ol>
            <PagingFooter paging={paging} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}

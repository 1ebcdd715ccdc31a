"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { LearnMore } from "@/components/docs/learn-more";
import { EmptyState, ErrorState, QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { pluralise } from "@/components/ui/pluralise";

export function PoliciesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const policies = useQuery(trpc.policies.list.queryOptions());
  const setDefault = useMutation(trpc.policies.setDefault.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.policies.pathFilter()) }));
  return (
    <>
      <PageHeader title="Routing policies" description={<>Per category: the quality a model must reach, which models may serve, and the fallback order. <LearnMore slug="routing">How routing works</LearnMore></>}
        actions={canManage && <Link href="/policies/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">New policy</Link>} />
      <ErrorState error={setDefault.error} />
      <QueryState query={policies}>
        {(rows) => rows.length === 0 ? <EmptyState title="No policies yet" action={canManage && <Link href="/policies/new" className="font-medium text-indigo-700 underline">Create a policy</Link>}>
          Requests are routed by a policy: the quality each category needs and the models allowed to serve it.
        </EmptyState> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {rows.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div>
                  <Link href={`/policies/${p.id}`} className="font-medium text-indigo-700 hover:underline">{p.name}</Link>{" "}
                  {p.isDefault && <Badge tone="indigo">default</Badge>} <Badge>v{p.version}</Badge>
                  <p className="text-sm text-slate-500">{p.description ?? "No description"} · {pluralise(p.ruleCount, "rule")} · {pluralise(p.keyCount, "key")} · baseline {p.baselineModelSlug} · saved {formatDateTime(p.updatedAt)}</p>
                </div>
                {canManage && !p.isDefault && <Button onClick={() => setDefault.mutate({ id: p.id })} disabled={setDefault.isPending}>Make default</Button>}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

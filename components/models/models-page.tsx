"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryState } from "@/components/ui/states";
import { formatDateTime, formatNumber, formatUsd } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";
import type { CatalogListEntry } from "@/server/console/models/list-models";
import { ModelForm, QUALITY_CATEGORIES } from "./model-form";
import { ModelLifecycleForm } from "./model-lifecycle-form";
import { ModelProfilesSection, ProfileHint } from "./model-profiles";

type Open = { kind: "edit" | "lifecycle"; model: CatalogListEntry } | { kind: "custom" } | null;

export function ModelsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const models = useQuery(trpc.models.list.queryOptions());
  const profiles = useQuery(trpc.models.profiles.queryOptions());
  const profileOf = (slug: string, category: string) => profiles.data?.find((p) => p.slug === slug)?.profiles.find((p) => p.category === category);
  const providers = useQuery({ ...trpc.models.providers.queryOptions(), enabled: canManage });
  const [open, setOpen] = useState<Open>(null);
  const done = async () => {
    await queryClient.invalidateQueries(trpc.models.pathFilter());
    setOpen(null);
  };
  const update = useMutation(trpc.models.update.mutationOptions({ onSuccess: done }));
  const createCustom = useMutation(trpc.models.createCustom.mutationOptions({ onSuccess: done }));
  const lifecycle = useMutation(trpc.models.setLifecycle.mutationOptions({ onSuccess: done }));

  return (
    <>
      <PageHeader title="Model catalog" description="Prices, context windows and quality per category. Editing a built-in model creates your own override."
        actions={canManage && <Button variant="primary" onClick={() => setOpen({ kind: "custom" })}>Add custom model</Button>} />
      <QueryState query={models}>
        {(rows) => rows.length === 0 ? <EmptyState title="The catalog is empty" action={canManage && <Button variant="primary" onClick={() => setOpen({ kind: "custom" })}>Add custom model</Button>}>Routing needs models to choose from: add your own, for example a model on an OpenAI-compatible server.</EmptyState> : (
          <DataTable head={<tr><th className="px-3 py-2">Model</th><th className="px-3 py-2">Price in / out per 1M</th><th className="px-3 py-2">Context</th>{QUALITY_CATEGORIES.map((c) => <th key={c} className="px-3 py-2">{c}</th>)}<th className="px-3 py-2">30 days</th><th className="px-3 py-2"><span className="sr-only">Actions</span></th></tr>}>
            {rows.map((m) => (
              <tr key={m.slug} className="border-t border-slate-100" data-testid={`model-row-${m.slug}`}>
                <td className="px-3 py-2">
                  <span className="font-medium">{m.displayName}</span> <span className="font-mono text-xs text-slate-500">{m.slug}</span>
                  <span className="mt-0.5 flex flex-wrap gap-1">
                    <Badge>{m.provider}</Badge>{m.origin !== "global" && <Badge tone="indigo">{m.origin}</Badge>}{!m.enabled && <Badge tone="red">disabled</Badge>}{!m.structuredOutputs && <Badge>no JSON schema</Badge>}{m.kind === "embedding" && <Badge tone="indigo">embedding</Badge>}
                    {m.deprecatedAt && <Badge tone="amber">deprecated {formatDateTime(m.deprecatedAt)}{m.replacementSlug && ` → ${m.replacementSlug}`}</Badge>}
                  </span>
                </td>
                <td className="px-3 py-2 tabular-nums">
                  {formatUsd(m.inputPricePerMTok)} / {formatUsd(m.outputPricePerMTok)}
                  {m.cachedInputPricePerMTok !== null && <span className="block text-xs text-slate-500">cached in {formatUsd(m.cachedInputPricePerMTok)}</span>}
                </td>
                <td className="px-3 py-2 tabular-nums">{formatNumber(m.contextWindow)}</td>
                {QUALITY_CATEGORIES.map((c) => <td key={c} className="px-3 py-2 tabular-nums">{m.quality[c] === null || m.quality[c] === undefined ? <span className="text-slate-500">unknown</span> : m.quality[c]}<ProfileHint profile={profileOf(m.slug, c)} /></td>)}
                <td className="px-3 py-2 tabular-nums">{formatNumber(m.requestsLast30Days)}</td>
                <td className="px-3 py-2 text-right">
                  {canManage && (
                    <span className="inline-flex gap-2">
                      <Button onClick={() => setOpen({ kind: "edit", model: m })}>Edit</Button>
                      <Button onClick={() => setOpen({ kind: "lifecycle", model: m })}>Lifecycle</Button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      <div className="mt-6"><QueryState query={profiles}>{(rows) => <ModelProfilesSection models={rows} />}</QueryState></div>
      {open?.kind === "edit" && (
        <Dialog title={`Edit ${open.model.slug}`} onClose={() => setOpen(null)}>
          <ModelForm initial={open.model} providers={null} saving={update.isPending} error={update.error} onSubmit={({ fields }) => update.mutate({ slug: open.model.slug, fields })} />
        </Dialog>
      )}
      {open?.kind === "lifecycle" && (
        <Dialog title={`Lifecycle of ${open.model.slug}`} onClose={() => setOpen(null)}>
          <ModelLifecycleForm model={open.model} models={models.data ?? []} saving={lifecycle.isPending} error={lifecycle.error} onSubmit={(v) => lifecycle.mutate({ slug: open.model.slug, ...v })} />
        </Dialog>
      )}
      {open?.kind === "custom" && (
        <Dialog title="Add a custom model" onClose={() => setOpen(null)}>
          <ModelForm initial={null} providers={providers.data ?? []} saving={createCustom.isPending} error={createCustom.error}
            onSubmit={({ fields, slug, provider }) => createCustom.mutate({ fields, slug: slug ?? "", provider: provider ?? "" })} />
        </Dialog>
      )}
    </>
  );
}

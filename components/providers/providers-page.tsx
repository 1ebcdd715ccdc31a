"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useToast } from "@/components/ui/toast";
import { Dialog } from "@/components/ui/dialog";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { ErrorState, QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { CredentialForm } from "./credential-form";

export function ProvidersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const providers = useQuery(trpc.providers.list.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries(trpc.providers.pathFilter());
  const save = useMutation(trpc.providers.save.mutationOptions({ onSuccess: async (_, v) => { await refresh(); setEditing(null); toast.success(`${v.provider} credential saved.`); } }));
  const remove = useMutation(trpc.providers.remove.mutationOptions({ onSuccess: async (_, v) => { await refresh(); toast.success(`${v.provider} credential removed: its models are simulated.`); } }));
  const test = useMutation(trpc.providers.testConnection.mutationOptions());
  const current = providers.data?.find((p) => p.provider === editing);

  return (
    <>
      <PageHeader title="Providers" description="Credentials for upstream providers. Without one, the gateway serves that provider's models with the built-in simulated provider." />
      <ErrorState error={remove.error ?? test.error} />
      <QueryState query={providers}>
        {(rows) => (
          <ul className="grid gap-4 lg:grid-cols-2">
            {rows.map((p) => (
              <li key={p.provider} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`provider-${p.provider}`}>
                <div className="flex items-center justify-between gap-2">
                  <h2 className="font-semibold">{p.provider}</h2>
                  {p.simulated ? <Badge tone="amber">simulated</Badge> : <Badge tone="green">live</Badge>}
                </div>
                <p className="mt-1 text-sm text-slate-500">
                  {p.credential ? <>Key ending in <span className="font-mono">…{p.credential.secretHint}</span>, updated {formatDateTime(p.credential.updatedAt)}</> : "No credential"}
                  <br />{p.credential?.baseUrl ?? p.defaultBaseUrl ?? "needs a base URL"}
                </p>
                {test.variables?.provider === p.provider && test.data && (
                  <p role="status" className={`mt-2 text-sm ${test.data.ok ? "text-green-700" : "text-red-700"}`}>
                    {test.data.ok ? `Connected: ${test.data.model} answered in ${test.data.latencyMs} ms.` : `Failed: ${test.data.error}`}
                  </p>
                )}
                {canManage && (
                  <div className="mt-3 flex flex-wrap gap-2">
                    <Button onClick={() => setEditing(p.provider)}>{p.credential ? "Rotate" : "Add credential"}</Button>
                    {p.credential && <Button onClick={() => test.mutate({ provider: p.provider })} disabled={test.isPending}>{test.isPending && test.variables?.provider === p.provider ? "Testing…" : "Test connection"}</Button>}
                    {p.credential && (
                      <ConfirmButton variant="danger" title={`Remove the ${p.provider} credential?`} message="Its models fall back to the simulated provider." confirmLabel="Remove credential" onConfirm={() => remove.mutate({ provider: p.provider })}>Remove</ConfirmButton>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {current && (
        <Dialog title={`${current.credential ? "Rotate" : "Add"} ${current.provider} credential`} onClose={() => setEditing(null)}>
          <CredentialForm provider={current.provider} baseUrl={current.credential?.baseUrl ?? null} needsBaseUrl={current.needsBaseUrl} saving={save.isPending} error={save.error} onSubmit={(v) => save.mutate(v)} />
        </Dialog>
      )}
    </>
  );
}

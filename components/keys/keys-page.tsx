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
import { LearnMore } from "@/components/docs/learn-more";
import { EmptyState, ErrorState, QueryState } from "@/components/ui/states";
import { SecretOnce } from "@/components/ui/secret-once";
import { SnippetTabs } from "@/components/onboarding/snippet-tabs";
import { formatDateTime, formatNumber, formatUsd } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";
import { pluralise } from "@/components/ui/pluralise";
import { forecastText } from "@/components/alerts/forecast-text";
import { CreateKeyForm } from "./create-key-form";

export function KeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const keys = useQuery(trpc.keys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries(trpc.keys.pathFilter());
  const revoke = useMutation(trpc.keys.revoke.mutationOptions({ onSuccess: async () => { await refresh(); toast.success("Key revoked: calls with it now fail."); } }));
  const rotate = useMutation(trpc.keys.rotate.mutationOptions({ onSuccess: async (r) => { await refresh(); setSecret(r.secret); toast.success("Key rotated: the old secret no longer works."); } }));

  return (
    <>
      <PageHeader title="API keys" description={<>Keys applications use to call the gateway. Secrets are shown once. <LearnMore slug="api">Calling the gateway</LearnMore> · <LearnMore slug="admin-api">Admin API</LearnMore></>}
        actions={canManage && <Button variant="primary" onClick={() => setCreating(true)}>New key</Button>} />
      <ErrorState error={revoke.error ?? rotate.error} />
      <QueryState query={keys}>
        {(rows) => rows.length === 0 ? <EmptyState title="No keys yet" action={canManage && <Button variant="primary" onClick={() => setCreating(true)}>Create a key</Button>}>{canManage ? "Applications send a key with each request; create one, then copy a ready-made snippet." : "An admin of your organisation can create one."}</EmptyState> : (
          <DataTable head={<tr><th className="px-3 py-2">Name</th><th className="px-3 py-2">Key</th><th className="px-3 py-2">Team · policy</th><th className="px-3 py-2">Limits</th><th className="px-3 py-2">Last used</th><th className="px-3 py-2 text-right">Spend this month</th><th className="px-3 py-2"><span className="sr-only">Actions</span></th></tr>}>
            {rows.map((k) => (
              <tr key={k.id} className="border-t border-slate-100" data-testid={`key-row-${k.name}`}>
                <td className="px-3 py-2 font-medium">{k.name} {k.status === "revoked" && <Badge tone="red">revoked</Badge>} {k.status === "expired" && <Badge tone="red">expired {formatDateTime(k.expiresAt)}</Badge>} {k.status === "active" && k.expiresAt && <Badge tone="amber">expires {formatDateTime(k.expiresAt)}</Badge>}</td>
                <td className="px-3 py-2 font-mono text-xs">{k.prefix}…</td>
                <td className="px-3 py-2">{k.teamName ?? "no team"} · {k.policyName ?? "organisation default"}</td>
                <td className="px-3 py-2 text-xs">{k.rpmLimit ? `${formatNumber(k.rpmLimit)} rpm` : "no rpm limit"}<br />{k.monthlyBudgetUsd !== null ? `${formatUsd(k.monthlyBudgetUsd)} / month` : "no budget"}{k.budgetForecast && <><br /><span className="text-slate-500">{forecastText(k.budgetForecast)}</span></>}</td>
                <td className="px-3 py-2">{formatDateTime(k.lastUsedAt)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatUsd(k.monthToDate.costUsd)}{k.monthToDate.unpricedRequests > 0 && <span className="block text-xs text-amber-700">+ {pluralise(k.monthToDate.unpricedRequests, "unpriced request")}</span>}</td>
                <td className="px-3 py-2 text-right">
                  {canManage && k.status !== "revoked" && (
                    <span className="inline-flex gap-2">
                      {k.status === "active" && (
                        <ConfirmButton title={`Rotate ${k.name}?`} message="The current secret stops working now; the new one is shown once." confirmLabel="Rotate key" onConfirm={() => rotate.mutate({ id: k.id })}>Rotate</ConfirmButton>
                      )}
                      <ConfirmButton variant="danger" title={`Revoke ${k.name}?`} message="Calls with this key fail from now on. This cannot be undone." confirmLabel="Revoke key" onConfirm={() => revoke.mutate({ id: k.id })}>Revoke</ConfirmButton>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {creating && !secret && (
        <Dialog title="New API key" onClose={() => setCreating(false)}>
          <CreateKeyForm onCreated={setSecret} />
        </Dialog>
      )}
      {secret && (
        <Dialog title="Your new key" onClose={() => { setSecret(null); setCreating(false); }}>
          <SecretOnce secret={secret} label="New API key secret" />
          <h3 className="mb-2 mt-5 text-sm font-medium text-slate-700">Send a first request with it</h3>
          <SnippetTabs apiKey={secret} />
        </Dialog>
      )}
    </>
  );
}

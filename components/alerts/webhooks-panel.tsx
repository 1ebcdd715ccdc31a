"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useToast } from "@/components/ui/toast";
import { Dialog } from "@/components/ui/dialog";
import { Badge, Card } from "@/components/ui/page-header";
import { SecretOnce } from "@/components/ui/secret-once";
import { EmptyState, ErrorState, QueryState } from "@/components/ui/states";
import { LearnMore } from "@/components/docs/learn-more";
import { WebhookDeliveries } from "./webhook-deliveries";
import { WebhookForm } from "./webhook-form";

/** The Alerts page's Webhooks section: where alerts are sent. Admins only, since such URLs are often credentials. */
export function WebhooksPanel() {
  const canManage = useCan("admin");
  return (
    <div className="mt-8">
      {canManage ? <ManageWebhooks /> : (
        <Card title="Webhooks"><p className="text-sm text-slate-600">Admins choose where alerts are sent (signed POSTs, Slack included).</p></Card>
      )}
    </div>
  );
}

function ManageWebhooks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const webhooks = useQuery(trpc.webhooks.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries(trpc.webhooks.pathFilter());
  const test = useMutation(trpc.webhooks.test.mutationOptions({ onSettled: refresh }));
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: (r) => setSecret(r.secret) }));
  const setEnabled = useMutation(trpc.webhooks.setEnabled.mutationOptions({ onSuccess: async (_, v) => { await refresh(); toast.success(v.enabled ? "Webhook turned on." : "Webhook turned off."); } }));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: async () => { await refresh(); toast.success("Webhook deleted."); } }));
  return (
    <Card title="Webhooks" actions={<Button variant="primary" onClick={() => setAdding(true)}>Add webhook</Button>}>
      <p className="mb-3 text-sm text-slate-600">Each alert raised or resolved is POSTed as signed JSON to every webhook that takes its kind; failed deliveries are retried for about 7 hours. <LearnMore slug="webhooks">Payloads and signatures</LearnMore></p>
      <ErrorState error={test.error ?? rotate.error ?? setEnabled.error ?? remove.error} />
      <QueryState query={webhooks}>
        {(rows) =>
          rows.length === 0 ? <EmptyState title="No webhooks yet">Use Add webhook above to get alerts in Slack or at your own endpoint.</EmptyState> : (
            <ul className="divide-y divide-slate-100" aria-label="Webhooks">
              {rows.map((w) => (
                <li key={w.id} className="space-y-2 py-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{w.name}</span>
                    <Badge tone={w.enabled ? "green" : "slate"}>{w.enabled ? "on" : "off"}</Badge>
                    <span className="text-slate-500">{w.kinds.length === 0 ? "every kind" : w.kinds.join(", ")}</span>
                  </div>
                  <p className="break-all font-mono text-xs text-slate-600">{w.url}</p>
                  {test.variables?.id === w.id && test.data && (
                    <p role="status" className={test.data.ok ? "text-green-700" : "text-red-700"}>
                      {test.data.ok ? `Test delivered: HTTP ${test.data.httpStatus}` : `Test failed: ${test.data.error}`}
                    </p>
                  )}
                  <div className="flex flex-wrap gap-2">
                    <Button onClick={() => test.mutate({ id: w.id })} disabled={test.isPending}>{test.isPending && test.variables?.id === w.id ? "Testing…" : "Test"}</Button>
                    <Button onClick={() => setOpen(open === w.id ? null : w.id)} aria-expanded={open === w.id}>{open === w.id ? "Hide deliveries" : "Deliveries"}</Button>
                    <Button onClick={() => setEnabled.mutate({ id: w.id, enabled: !w.enabled })}>{w.enabled ? "Turn off" : "Turn on"}</Button>
                    <ConfirmButton title={`Rotate the signing secret of ${w.name}?`} message="The receiver must be given the new one; the old one stops signing at once." confirmLabel="Rotate secret" onConfirm={() => rotate.mutate({ id: w.id })}>Rotate secret</ConfirmButton>
                    <ConfirmButton variant="danger" title={`Delete the webhook ${w.name}?`} message="Its delivery log is deleted with it." confirmLabel="Delete webhook" onConfirm={() => remove.mutate({ id: w.id })}>Delete</ConfirmButton>
                  </div>
                  {open === w.id && <WebhookDeliveries webhookId={w.id} name={w.name} />}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {adding && !secret && (
        <Dialog title="New webhook" onClose={() => setAdding(false)}>
          <WebhookForm onCreated={setSecret} />
        </Dialog>
      )}
      {secret && (
        <Dialog title="Signing secret" onClose={() => { setSecret(null); setAdding(false); }}>
          <SecretOnce secret={secret} label="Webhook signing secret" />
        </Dialog>
      )}
    </Card>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useToast } from "@/components/ui/toast";
import { Badge, Card, PageHeader } from "@/components/ui/page-header";
import { ErrorState, QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { ROLES, type Role } from "@/server/console/schemas/roles";
import { InviteForm } from "./invite-form";

export function MembersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const isOwner = useCan("owner");
  const members = useQuery(trpc.members.list.queryOptions());
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries(trpc.members.pathFilter());
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: async (_, v) => { await refresh(); toast.success(`Role changed to ${v.role}.`); } }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: async () => { await refresh(); toast.success("Member removed."); } }));
  const revokeInvite = useMutation(trpc.members.revokeInvite.mutationOptions({ onSuccess: async () => { await refresh(); toast.success("Invite revoked: its link no longer works."); } }));
  const mayEdit = (role: Role) => canManage && (isOwner || role !== "owner");

  return (
    <>
      <PageHeader title="Members" description="Viewers read; members also use the policy tester; admins manage configuration; owners also the organisation." />
      <div className="space-y-6">
        {canManage && <Card title="Invite someone"><InviteForm /></Card>}
        <ErrorState error={changeRole.error ?? remove.error ?? revokeInvite.error} />
        <QueryState query={members}>
          {({ members: rows, invites }) => (
            <>
              <Card title="People">
                <ul className="divide-y divide-slate-100">
                  {rows.map((m) => (
                    <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                      <span><span className="font-medium">{m.name ?? m.email}</span> <span className="text-slate-500">{m.email}</span> {m.isYou && <Badge>you</Badge>}</span>
                      {mayEdit(m.role) ? (
                        <span className="flex items-center gap-2">
                          <label className="sr-only" htmlFor={`role-${m.userId}`}>Role of {m.email}</label>
                          <select id={`role-${m.userId}`} value={m.role} onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as Role })} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
                            {ROLES.filter((r) => isOwner || r !== "owner").map((r) => <option key={r} value={r}>{r}</option>)}
                          </select>
                          <ConfirmButton variant="danger" title={`Remove ${m.email}?`} message="They lose access to this organisation at once; their past changes stay in the audit log." confirmLabel="Remove member" onConfirm={() => remove.mutate({ userId: m.userId })}>Remove</ConfirmButton>
                        </span>
                      ) : <Badge tone="indigo">{m.role}</Badge>}
                    </li>
                  ))}
                </ul>
              </Card>
              <Card title="Open invites">
                {invites.length === 0 ? <p className="text-sm text-slate-500">No open invites.</p> : (
                  <ul className="divide-y divide-slate-100">
                    {invites.map((i) => (
                      <li key={i.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                        <span>{i.email ?? "anyone with the link"} as <Badge>{i.role}</Badge> · expires {formatDateTime(i.expiresAt)}</span>
                        {canManage && <Button onClick={() => revokeInvite.mutate({ id: i.id })}>Revoke</Button>}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}

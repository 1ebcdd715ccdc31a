"use client";

// Email domains whose people join this organisation on their first single sign-on. Admins only:
// a domain decides who gets in, like an invite.
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";
import { ErrorState, QueryState } from "@/components/ui/states";
import { firstIssueMessage } from "@/components/ui/form-errors";
import { addSsoDomainSchema } from "@/server/console/schemas/sso-domains";
import { docHref } from "@/server/docs/doc-pages";

const ROLES = ["member", "viewer", "admin"] as const;

export function SsoDomainsCard() {
  const canManage = useCan("admin");
  return (
    <Card title="Single sign-on">
      <p className="mb-3 max-w-2xl text-sm text-slate-600">
        People whose verified email is at one of these domains join this organisation the first time they sign in with single sign-on,
        with the role set here. Anyone else needs an invite. <Link className="text-indigo-700 hover:underline" href={docHref("sso")}>Setting up single sign-on</Link>
      </p>
      {canManage ? <DomainList /> : <p className="text-sm text-slate-500">Managing domains needs the admin role.</p>}
    </Card>
  );
}

function DomainList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const domains = useQuery(trpc.tenant.ssoDomains.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.tenant.ssoDomains.queryFilter());
  const add = useMutation(trpc.tenant.addSsoDomain.mutationOptions({ onSuccess: () => { setDomain(""); return refresh(); } }));
  const remove = useMutation(trpc.tenant.removeSsoDomain.mutationOptions({ onSuccess: refresh }));
  const [domain, setDomain] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("member");
  const [error, setError] = useState<string>();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = addSsoDomainSchema.safeParse({ domain, role });
    setError(parsed.success ? undefined : firstIssueMessage(parsed.error, { domain: "Domain", role: "Role" }));
    if (parsed.success) add.mutate(parsed.data);
  }

  return (
    <div className="space-y-3">
      <QueryState query={domains}>
        {(rows) => rows.length === 0 ? <p className="text-sm text-slate-500">No domains yet: single sign-on admits invited people only.</p> : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Single sign-on domains">
            {rows.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span className="min-w-0 break-all"><span className="font-medium">{d.domain}</span> <span className="text-slate-500">joins as {d.role}</span></span>
                <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: d.id })} aria-label={`Remove ${d.domain}`}>Remove</Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <form onSubmit={submit} noValidate className="grid max-w-xl grid-cols-1 items-end gap-3 sm:grid-cols-[1fr_auto_auto]">
        <TextField label="Email domain" placeholder="example.com" value={domain} onChange={(e) => setDomain(e.target.value)} error={error} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </SelectField>
        <Button type="submit" variant="primary" disabled={add.isPending}>Add domain</Button>
      </form>
      <ErrorState error={add.error ?? remove.error} />
    </div>
  );
}

"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/states";
import { toDraft, type PolicyDraft } from "./policy-draft";
import { PolicyForm } from "./policy-form";
import { PolicyTester } from "./policy-tester";
import { PolicyVersions } from "./policy-versions";
import { WhatIfPanel } from "./what-if-panel";
import type { WhatIfDays } from "@/server/console/schemas/policies";

export function PolicyDetailPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  // The what-if window; a save stores its summary over the same window.
  const [days, setDays] = useState<WhatIfDays>(7);
  // The editor's current fields, which the tester routes with while they differ from the saved version.
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const policy = useQuery(trpc.policies.get.queryOptions({ id }));
  const update = useMutation(trpc.policies.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.policies.pathFilter()) }));
  return (
    <QueryState query={policy}>
      {(p) => (
        <>
          <PageHeader title={`Policy ${p.fields.name}`} description={canManage ? "Each save creates a new version." : "Read only: changing policies needs the admin role."}
            actions={<span className="flex gap-1">{p.isDefault && <Badge tone="indigo">default</Badge>}<Badge>version {p.version}</Badge></span>} />
          {update.isSuccess && <p role="status" className="mb-3 text-sm text-green-700">Saved as version {update.data.version}.</p>}
          <div className="grid gap-6 2xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <div className="space-y-6">
              {/* Keyed by version so a save (or someone else's) reloads the form from the server. */}
              <PolicyForm key={p.version} initial={toDraft(p.fields)} readOnly={!canManage} saving={update.isPending} error={update.error} submitLabel="Save new version"
                onSubmit={(fields) => update.mutate({ id, expectedVersion: p.version, policy: fields, whatIfDays: days })}
                beforeSubmit={canManage ? (current) => <WhatIfPanel policyId={id} draft={current} days={days} onDaysChange={setDays} /> : undefined}
                onDraftChange={canManage ? setDraft : undefined} />
              <PolicyTester policyId={id} saved={p.fields} draft={draft} />
            </div>
            <PolicyVersions policyId={id} currentVersion={p.version} canManage={canManage} />
          </div>
        </>
      )}
    </QueryState>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan, useConsoleSession } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { renameTenantSchema } from "@/server/console/schemas/account";
import { DriftSettingsCard } from "./drift-settings-card";
import { EvaluationBudgetCard } from "./evaluation-budget-card";
import { ResetLearningCard } from "./reset-learning-card";
import { SsoDomainsCard } from "./sso-domains-card";

export function SettingsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const session = useConsoleSession();
  const isOwner = useCan("owner");
  const [name, setName] = useState(session.tenantName);
  const [error, setError] = useState<string>();
  const rename = useMutation(trpc.tenant.rename.mutationOptions({ onSuccess: () => router.refresh() }));
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = renameTenantSchema.safeParse({ name });
    setError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) rename.mutate(parsed.data);
  }
  return (
    <>
      <PageHeader title="Settings" description={isOwner ? undefined : "Only owners rename the organisation; admins also set the evaluation budget and the drift alert thresholds."} />
      <Card title="Organisation">
        <form onSubmit={submit} noValidate className="flex max-w-lg items-end gap-3">
          <div className="flex-1"><TextField label="Organisation name" value={name} onChange={(e) => setName(e.target.value)} error={error} readOnly={!isOwner} /></div>
          {isOwner && <Button type="submit" variant="primary" disabled={rename.isPending}>Rename</Button>}
        </form>
        <ErrorState error={rename.error} />
        {rename.isSuccess && <p role="status" className="mt-2 text-sm text-green-700">Renamed.</p>}
      </Card>
      <div className="mt-6"><EvaluationBudgetCard /></div>
      <div className="mt-6"><ResetLearningCard /></div>
      <div className="mt-6"><DriftSettingsCard /></div>
      <div className="mt-6"><SsoDomainsCard /></div>
    </>
  );
}

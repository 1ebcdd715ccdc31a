"use client";

// The monthly evaluation budget: blank turns evaluations off. Admins and owners change it.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";
import { ErrorState, QueryState } from "@/components/ui/states";
import { numberOrNull } from "@/components/ui/format";
import { firstIssueMessage } from "@/components/ui/form-errors";
import { setEvaluationBudgetSchema } from "@/server/console/schemas/tenant-settings";

export function EvaluationBudgetCard() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.settings.queryOptions());
  return (
    <Card title="Evaluations">
      <p className="mb-3 max-w-2xl text-sm text-slate-600">
        Policy rules may send a share of their requests to a second model and let a judge model compare the answers, to learn which models serve
        your traffic well. Those extra calls are paid from this monthly budget (UTC month); without a budget no evaluations run.
      </p>
      <QueryState query={settings}>{(s) => <BudgetForm initial={s.evaluationBudgetUsd} />}</QueryState>
    </Card>
  );
}

function BudgetForm({ initial }: { initial: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const [value, setValue] = useState(initial === null ? "" : String(initial));
  const [error, setError] = useState<string>();
  // The dashboard's evaluation spend card shows the budget too.
  const save = useMutation(trpc.tenant.setEvaluationBudget.mutationOptions({
    onSuccess: () => Promise.all([queryClient.invalidateQueries(trpc.tenant.settings.queryFilter()), queryClient.invalidateQueries(trpc.dashboard.evaluationSpend.queryFilter())]),
  }));
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = setEvaluationBudgetSchema.safeParse({ evaluationBudgetUsd: numberOrNull(value) });
    setError(parsed.success ? undefined : firstIssueMessage(parsed.error, { evaluationBudgetUsd: "Monthly evaluation budget" }));
    if (parsed.success) save.mutate(parsed.data);
  }
  return (
    <form onSubmit={submit} noValidate className="max-w-lg space-y-2">
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <TextField label="Monthly evaluation budget (USD)" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={error} readOnly={!canManage}
            hint={canManage ? "Blank: no evaluations" : "Changing it needs the admin role"} />
        </div>
        {canManage && <Button type="submit" variant="primary" disabled={save.isPending}>Save budget</Button>}
      </div>
      <ErrorState error={save.error} />
      {save.isSuccess && <p role="status" className="text-sm text-green-700">Saved.</p>}
    </form>
  );
}

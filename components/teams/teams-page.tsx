"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { firstIssueMessage } from "@/components/ui/form-errors";
import { pluralise } from "@/components/ui/pluralise";
import { useToast } from "@/components/ui/toast";
import { TextField } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, QueryState } from "@/components/ui/states";
import { forecastText } from "@/components/alerts/forecast-text";
import { createTeamSchema, updateTeamSchema } from "@/server/console/schemas/teams";

interface TeamDraft {
  id: string;
  name: string;
  budget: string;
}

const FIELD_LABELS = { name: "Team name", monthlyBudgetUsd: "Monthly budget" };
const usd = (n: number) => `$${n.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;

export function TeamsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const teams = useQuery(trpc.teams.list.queryOptions());
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const [editing, setEditing] = useState<TeamDraft | null>(null);
  const [editError, setEditError] = useState<string>();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries(trpc.teams.pathFilter());
  const create = useMutation(trpc.teams.create.mutationOptions({ onSuccess: async () => { toast.success(`Team ${name} created.`); setName(""); await refresh(); } }));
  const update = useMutation(trpc.teams.update.mutationOptions({ onSuccess: async () => { setEditing(null); await refresh(); toast.success("Team saved."); } }));
  const remove = useMutation(trpc.teams.delete.mutationOptions({ onSuccess: async () => { await refresh(); toast.success("Team deleted."); } }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = createTeamSchema.safeParse({ name });
    setNameError(parsed.success ? undefined : firstIssueMessage(parsed.error, FIELD_LABELS));
    if (parsed.success) create.mutate(parsed.data);
  }
  function saveEdit(event: React.FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const budget = editing.budget.trim() === "" ? null : Number(editing.budget);
    const parsed = updateTeamSchema.safeParse({ id: editing.id, name: editing.name, monthlyBudgetUsd: budget });
    setEditError(parsed.success ? undefined : firstIssueMessage(parsed.error, FIELD_LABELS));
    if (parsed.success) update.mutate(parsed.data);
  }
  return (
    <>
      <PageHeader title="Teams" description="Keys belong to teams, so spend and logs can be split by team." />
      <div className="space-y-6">
        {canManage && (
          <Card title="New team">
            <form onSubmit={submit} noValidate className="flex items-end gap-3">
              <div className="flex-1"><TextField label="Team name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} /></div>
              <Button type="submit" variant="primary" disabled={create.isPending}>Create team</Button>
            </form>
          </Card>
        )}
        <ErrorState error={create.error ?? update.error ?? remove.error} />
        <QueryState query={teams}>
          {(rows) => rows.length === 0 ? <EmptyState title="No teams yet">{canManage ? "Name a team above, then give keys to it to split spend, budgets and logs by team." : "An admin of your organisation can create teams."}</EmptyState> : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {rows.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
                  {editing?.id === t.id ? (
                    <form className="flex flex-wrap items-end gap-2" onSubmit={saveEdit} noValidate>
                      <TextField label={`Name of ${t.name}`} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} autoFocus />
                      <TextField label="Monthly budget (USD)" inputMode="decimal" placeholder="No cap" value={editing.budget}
                        onChange={(e) => setEditing({ ...editing, budget: e.target.value })} error={editError} />
                      <Button type="submit" variant="primary" disabled={update.isPending}>Save</Button>
                      <Button onClick={() => setEditing(null)}>Cancel</Button>
                    </form>
                  ) : (
                    <span>
                      <span className="font-medium">{t.name}</span>{" "}
                      <span className="text-slate-500">· {pluralise(t.keyCount, "key")} · {t.monthlyBudgetUsd === null ? "no monthly budget" : `${usd(t.monthToDateUsd)} of ${usd(t.monthlyBudgetUsd)} / month`}</span>
                      {t.budgetForecast && <span className="block text-xs text-slate-500">{forecastText(t.budgetForecast)}</span>}
                    </span>
                  )}
                  {canManage && editing?.id !== t.id && (
                    <span className="flex gap-2">
                      <Button onClick={() => setEditing({ id: t.id, name: t.name, budget: t.monthlyBudgetUsd === null ? "" : String(t.monthlyBudgetUsd) })}>Edit</Button>
                      <ConfirmButton variant="danger" title={`Delete team ${t.name}?`} message="Its keys keep working without a team." confirmLabel="Delete team" onConfirm={() => remove.mutate({ id: t.id })}>Delete</ConfirmButton>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </>
  );
}

"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { numberOrNull, textOrNull } from "@/components/ui/format";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { createApiKeySchema, KEY_SCOPES } from "@/server/console/schemas/keys";
import { policyChoices } from "./policy-choices";

const FIELD_LABELS = { name: "Name", teamId: "Team", policyId: "Policy", scopes: "Scopes", monthlyBudgetUsd: "Monthly budget", rpmLimit: "Requests per minute", tpmLimit: "Tokens per minute", expiresAt: "Expires on" };

export function CreateKeyForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [teamId, setTeamId] = useState("");
  const [policyId, setPolicyId] = useState("");
  const create = useMutation(
    trpc.keys.create.mutationOptions({
      onSuccess: async ({ secret }) => {
        await queryClient.invalidateQueries(trpc.keys.pathFilter());
        onCreated(secret);
      },
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = textOrNull(form.get("expiresAt"));
    const parsed = createApiKeySchema.safeParse({
      name: String(form.get("name") ?? ""),
      teamId: textOrNull(teamId),
      policyId: textOrNull(policyId),
      scopes: form.getAll("scopes").map(String),
      monthlyBudgetUsd: numberOrNull(form.get("monthlyBudgetUsd")),
      rpmLimit: numberOrNull(form.get("rpmLimit")),
      tpmLimit: numberOrNull(form.get("tpmLimit")),
      expiresAt: expires ? new Date(`${expires}T23:59:59Z`) : null,
    });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error, FIELD_LABELS));
    if (parsed.success) create.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <TextField label="Name" name="name" required error={errors.name} autoFocus />
      <div className="grid gap-3 sm:grid-cols-2">
        <Combobox label="Team" options={teams.data?.map((t) => ({ value: t.id, label: t.name })) ?? []} value={teamId} onChange={setTeamId} emptyLabel="No team" error={errors.teamId} />
        <Combobox label="Policy" {...policyChoices(policies.data ?? [])} value={policyId} onChange={setPolicyId} error={errors.policyId}
          hint="The organisation's default follows any change of default" />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Scopes</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "gateway"} /> {scope}
            </label>
          ))}
        </div>
        {errors.scopes && <p className="mt-1 text-xs text-red-600">{errors.scopes}</p>}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Monthly budget (USD)" name="monthlyBudgetUsd" type="number" min="0.0001" step="0.0001" error={errors.monthlyBudgetUsd} hint="Empty: no budget" />
        <TextField label="Expires on" name="expiresAt" type="date" error={errors.expiresAt} hint="Empty: never" />
        <TextField label="Requests per minute" name="rpmLimit" type="number" min="1" step="1" error={errors.rpmLimit} />
        <TextField label="Tokens per minute" name="tpmLimit" type="number" min="1" step="1" error={errors.tpmLimit} />
      </div>
      <ErrorState error={create.error} />
      <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create key"}</Button>
    </form>
  );
}

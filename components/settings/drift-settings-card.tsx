"use client";

// Drift alert thresholds: which windows are compared, how sure and how large a change must be.
// Every member sees them; admins and owners change them.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { Card } from "@/components/ui/page-header";
import { ErrorState, QueryState } from "@/components/ui/states";
import { numberOrNull } from "@/components/ui/format";
import { driftSettingsSchema, type DriftSettings } from "@/server/console/schemas/drift-settings";

type NumberField = Exclude<keyof DriftSettings, "enabled">;

/** The fields in the order shown, with their labels: windows and confidence first, then the smallest change per metric. */
const FIELDS: { name: NumberField; label: string; hint?: string }[] = [
  { name: "recentHours", label: "Recent window (hours)", hint: "6 to 72" },
  { name: "referenceDays", label: "Reference window (days before it)", hint: "1 to 14" },
  { name: "falseAlarmRate", label: "False-alarm rate per round", hint: "e.g. 0.01: split over every test of the round" },
  { name: "minRequests", label: "Fewest requests per window" },
  { name: "minEvidence", label: "Fewest feedback scores or judgements per window" },
  { name: "latencyIncreasePercent", label: "Latency and time to first token up by (%)" },
  { name: "errorRatePoints", label: "Error rate up by (points)" },
  { name: "fallbackRatePoints", label: "Fallback rate up by (points)" },
  { name: "badAnswerRatePoints", label: "Empty, refused or cut-off answers up by (points)" },
  { name: "qualityDropPoints", label: "Quality down by (points of 100)" },
  { name: "tokensChangePercent", label: "Tokens per request changed by (%)" },
  { name: "costIncreasePercent", label: "Cost per request up by (%)" },
  { name: "priceChangePercent", label: "Catalog price changed by (%)", hint: "0: any change" },
];

export function DriftSettingsCard() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.driftSettings.queryOptions());
  return (
    <Card title="Drift alerts">
      <p className="mb-3 max-w-2xl text-sm text-slate-600">
        Each model is compared per category, the recent window against the days before it, on quality, latency, time to first token, error,
        fallback and bad-answer rates, tokens and cost per request, and catalog prices. A change raises an alert when it is both statistically
        significant and at least as large as below.
      </p>
      <QueryState query={settings}>{(s) => <DriftSettingsForm initial={s} />}</QueryState>
    </Card>
  );
}

function DriftSettingsForm({ initial }: { initial: DriftSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const [enabled, setEnabled] = useState(initial.enabled);
  const [values, setValues] = useState<Record<NumberField, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.name, String(initial[f.name])])) as Record<NumberField, string>);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(trpc.tenant.setDriftSettings.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.tenant.driftSettings.queryFilter()) }));
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = driftSettingsSchema.safeParse({ enabled, ...Object.fromEntries(FIELDS.map((f) => [f.name, numberOrNull(values[f.name])])) });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error, Object.fromEntries(FIELDS.map((f) => [f.name, f.label]))));
    if (parsed.success) save.mutate(parsed.data);
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Drift alert settings">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} disabled={!canManage} /> Raise drift alerts
      </label>
      <div className="grid max-w-3xl gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <TextField key={f.name} label={f.label} inputMode="decimal" value={values[f.name]} readOnly={!canManage} hint={f.hint} error={errors[f.name]}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} />
        ))}
      </div>
      {canManage ? <Button type="submit" variant="primary" disabled={save.isPending}>Save drift settings</Button> : <p className="text-xs text-slate-500">Changing them needs the admin role</p>}
      <ErrorState error={save.error} />
      {save.isSuccess && <p role="status" className="text-sm text-green-700">Saved.</p>}
    </form>
  );
}

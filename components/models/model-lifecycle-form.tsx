"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formatNumber } from "@/components/ui/format";
import type { CatalogListEntry } from "@/server/console/models/list-models";
import { describeReach } from "@/server/console/models/policy-reach";

interface Props {
  model: CatalogListEntry;
  slugs: string[];
  saving: boolean;
  error: { message: string } | null;
  onSubmit: (value: { deprecatedAt: Date | null; replacementSlug: string | null }) => void;
}

/** Shows what a deprecation affects (policies, recent traffic) before it is scheduled. */
export function ModelLifecycleForm({ model, slugs, saving, error, onSubmit }: Props) {
  const [date, setDate] = useState(model.deprecatedAt ? model.deprecatedAt.toISOString().slice(0, 10) : "");
  const [replacement, setReplacement] = useState(model.replacementSlug ?? "");
  return (
    <div className="space-y-3 text-sm">
      <p>Used by {model.referencedBy.length === 0 ? "no policy" : model.referencedBy.map(describeReach).join(", ")}; {formatNumber(model.requestsLast30Days)} requests in the last 30 days.</p>
      <TextField label="Deprecated from" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <SelectField label="Replacement" value={replacement} onChange={(e) => setReplacement(e.target.value)}>
        <option value="">None</option>
        {slugs.filter((s) => s !== model.slug).map((s) => <option key={s} value={s}>{s}</option>)}
      </SelectField>
      <ErrorState error={error} />
      <div className="flex gap-2">
        <Button variant="primary" disabled={saving || !date} onClick={() => onSubmit({ deprecatedAt: new Date(`${date}T00:00:00Z`), replacementSlug: replacement || null })}>Schedule deprecation</Button>
        {model.deprecatedAt && <Button disabled={saving} onClick={() => onSubmit({ deprecatedAt: null, replacementSlug: null })}>Cancel deprecation</Button>}
      </div>
    </div>
  );
}

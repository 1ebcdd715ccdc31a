"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { pluralise } from "@/components/ui/pluralise";
import { ModelSelect } from "./model-picker";
import type { PickableModel } from "./model-options";
import type { CatalogListEntry } from "@/server/console/models/list-models";
import { describeReach } from "@/server/console/models/policy-reach";

interface Props {
  model: CatalogListEntry;
  /** The catalog the replacement is picked from. */
  models: readonly PickableModel[];
  saving: boolean;
  error: { message: string } | null;
  onSubmit: (value: { deprecatedAt: Date | null; replacementSlug: string | null }) => void;
}

/** Shows what a deprecation affects (policies, recent traffic) before it is scheduled. */
export function ModelLifecycleForm({ model, models, saving, error, onSubmit }: Props) {
  const [date, setDate] = useState(model.deprecatedAt ? model.deprecatedAt.toISOString().slice(0, 10) : "");
  const [replacement, setReplacement] = useState(model.replacementSlug ?? "");
  return (
    <div className="space-y-3 text-sm">
      <p>Used by {model.referencedBy.length === 0 ? "no policy" : model.referencedBy.map(describeReach).join(", ")}; {pluralise(model.requestsLast30Days, "request")} in the last 30 days.</p>
      <TextField label="Deprecated from" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <ModelSelect label="Replacement" models={models.filter((m) => m.slug !== model.slug)} value={replacement} onChange={setReplacement} emptyLabel="None" />
      <ErrorState error={error} />
      <div className="flex gap-2">
        <Button variant="primary" disabled={saving || !date} onClick={() => onSubmit({ deprecatedAt: new Date(`${date}T00:00:00Z`), replacementSlug: replacement || null })}>Schedule deprecation</Button>
        {model.deprecatedAt && <Button disabled={saving} onClick={() => onSubmit({ deprecatedAt: null, replacementSlug: null })}>Cancel deprecation</Button>}
      </div>
    </div>
  );
}

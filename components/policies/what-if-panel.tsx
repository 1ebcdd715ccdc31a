"use client";

// Before saving: the draft replayed against the saved version on the policy's recorded requests
// of the last 7 or 30 days: cost against the saved version and the baseline, expected quality
// and model mix per category, and the requests whose model would change (linked to their logs).
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { formatNumber, formatUsd } from "@/components/ui/format";
import { pluralise } from "@/components/ui/pluralise";
import { policyFieldsSchema, type WhatIfDays } from "@/server/console/schemas/policies";
import { fromDraft, type PolicyDraft } from "./policy-draft";
import { basedOn, categoryRows, changedShare, formatPct } from "./what-if-view";

interface Props {
  policyId: string;
  draft: PolicyDraft;
  days: WhatIfDays;
  onDaysChange: (days: WhatIfDays) => void;
}

const quality = (q: number | null) => (q === null ? "unknown" : q.toFixed(1));

export function WhatIfPanel({ policyId, draft, days, onDaysChange }: Props) {
  const trpc = useTRPC();
  const whatIf = useMutation(trpc.policies.whatIf.mutationOptions());
  const parsed = policyFieldsSchema.safeParse(fromDraft(draft));
  const run = (d: WhatIfDays) => parsed.success && whatIf.mutate({ policyId, draft: parsed.data, days: d });
  const stale = whatIf.variables !== undefined && parsed.success && JSON.stringify(whatIf.variables.draft) !== JSON.stringify(parsed.data);
  const r = whatIf.data;
  return (
    <Card title="What-if">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Replay the draft on the requests of the last</span>
        {([7, 30] as const).map((d) => (
          <Button key={d} aria-pressed={days === d} className={days === d ? "border-indigo-500 bg-indigo-50" : ""}
            onClick={() => { onDaysChange(d); if (r) run(d); }}>{d} days</Button>
        ))}
        <Button variant="primary" disabled={!parsed.success || whatIf.isPending} onClick={() => run(days)}>{whatIf.isPending ? "Replaying…" : "Run what-if"}</Button>
      </div>
      {!parsed.success && <p className="mt-2 text-sm text-slate-500">Fix the form&apos;s errors to run a what-if.</p>}
      <ErrorState error={whatIf.error} />
      {r && (
        <div role="region" aria-label="What-if result" className="mt-4 space-y-4 text-sm">
          <p className="text-slate-600">{basedOn(r.requests, r.totalRequests, r.days)}, against version {r.policyVersion}.{stale && <span className="text-amber-700"> The draft changed since: run it again.</span>}</p>
          {r.requests === 0 ? <p>No routed requests of this policy in the window: nothing to replay.</p> : (
            <>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
                <div><dt className="text-slate-500">Draft cost</dt><dd data-testid="what-if-draft-cost" className="font-medium">{formatUsd(r.draft.costUsd)} <span className="text-slate-600">({formatPct(r.costChangePct)} vs saved)</span></dd></div>
                <div><dt className="text-slate-500">Saved version</dt><dd data-testid="what-if-saved-cost">{formatUsd(r.saved.costUsd)}</dd></div>
                <div><dt className="text-slate-500">Baseline ({draft.baselineModelSlug})</dt><dd>{formatUsd(r.draft.baselineCostUsd)}</dd></div>
                <div><dt className="text-slate-500">Savings vs baseline</dt><dd data-testid="what-if-savings">draft {formatPct(r.draftSavingsPct)}, saved {formatPct(r.savedSavingsPct)}</dd></div>
              </dl>
              {(r.saved.unpriced > 0 || r.draft.unpriced > 0) && <p className="text-amber-700">Unpriced (no catalog price, not counted as $0): {r.saved.unpriced} saved, {r.draft.unpriced} draft.</p>}
              {(r.draft.degraded > 0 || r.draft.noModel > 0) && <p className="text-amber-700">With the draft, {pluralise(r.draft.degraded, "request")} would be degraded (no model meets the bar) and {pluralise(r.draft.noModel, "request")} would have no model.</p>}
              <p data-testid="what-if-changed"><span className="font-medium">{formatNumber(r.changed)}</span> requests ({changedShare(r.changed, r.requests).toFixed(1)}%) would change model.</p>
              <table className="w-full text-left text-xs">
                <thead className="text-slate-500"><tr><th className="py-1 pr-2">Category</th><th className="py-1 pr-2 text-right">Requests</th><th className="py-1 pr-2">Expected quality</th><th className="py-1 pr-2">Models (saved)</th><th className="py-1">Models (draft)</th></tr></thead>
                <tbody>
                  {categoryRows(r).map((c) => (
                    <tr key={c.category} className="border-t border-slate-100">
                      <td className="py-1 pr-2">{c.category}</td>
                      <td className="py-1 pr-2 text-right tabular-nums">{c.savedRequests === c.draftRequests ? c.draftRequests : `${c.savedRequests} → ${c.draftRequests}`}</td>
                      <td className="py-1 pr-2 tabular-nums">{quality(c.savedQuality)} → {quality(c.draftQuality)}</td>
                      <td className="py-1 pr-2 font-mono">{c.savedMix}</td>
                      <td className="py-1 font-mono">{c.draftMix}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {r.sample.length > 0 && (
                <div>
                  <p className="text-slate-600">{r.sample.length < r.changed ? `The first ${r.sample.length} of them:` : "They are:"}</p>
                  <ul className="mt-1 space-y-0.5 text-xs">
                    {r.sample.map((s) => (
                      <li key={s.id}>
                        <Link className="font-mono text-indigo-700 hover:underline" href={`/logs?request=${encodeURIComponent(s.id)}`}>{s.id}</Link>{" "}
                        {s.category}: <span className="font-mono">{s.before ?? "no model"}</span> → <span className="font-mono">{s.after ?? "no model"}</span>
                        {s.costDeltaUsd !== null && <span className="text-slate-600"> ({s.costDeltaUsd < 0 ? "−" : "+"}{formatUsd(Math.abs(s.costDeltaUsd))})</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          )}
        </div>
      )}
    </Card>
  );
}

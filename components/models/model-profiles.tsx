"use client";

// What routing has learned about each model on this tenant's traffic: per category the learned
// quality next to the catalog figure, with its credible interval, evidence and whether routing
// uses it; and the implicit signal rates of the requests it served lately. One card per model, so it reads
// on a narrow screen without sideways scrolling.
import { Badge, Card } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { formatNumber } from "@/components/ui/format";
import { pluralise } from "@/components/ui/pluralise";
import type { CategoryProfile, ModelProfiles, ModelSignals, SignalColumn } from "@/server/console/models/list-profiles";

const SIGNAL_LABELS: Record<SignalColumn, string> = { errors: "Error", fallbacks: "Fallback", emptyAnswers: "Empty", refusals: "Refusal", truncations: "Truncated" };

const pct = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)} %`;

/** The short form shown under a catalog figure in the catalog table. */
export function ProfileHint({ profile }: { profile: CategoryProfile | undefined }) {
  if (!profile) return null;
  return (
    <span className={`block text-xs ${profile.usedByRouting ? "text-indigo-700" : "text-slate-500"}`} title={`${profile.usedByRouting ? "Used by routing" : "Not used yet"}: learned on ${formatNumber(profile.evidence)} outcomes`}>
      learned {profile.quality.toFixed(1)}{profile.usedByRouting ? " ✓" : ""}
    </span>
  );
}

function ProfileLine({ p }: { p: CategoryProfile }) {
  return (
    <li className="border-t border-slate-100 py-1.5 first:border-t-0">
      <div className="flex flex-wrap items-center justify-between gap-x-3">
        <span className="font-medium">{p.category}</span>
        {p.usedByRouting ? <Badge tone="indigo">used by routing</Badge> : <Badge>catalog figure used</Badge>}
      </div>
      <p className="text-slate-700">
        Learned <span className="font-semibold tabular-nums">{p.quality.toFixed(1)}</span> <span className="text-slate-500">(90 % interval {p.low.toFixed(1)}–{p.high.toFixed(1)})</span>
        {" · "}catalog {p.catalogQuality === null ? "unknown" : p.catalogQuality}
      </p>
      <p className="text-xs text-slate-500">On {formatNumber(p.evidence)} outcome{p.evidence === 1 ? "" : "s"} from feedback and evaluations.</p>
    </li>
  );
}

function RateList({ rates }: { rates: ModelSignals["rates"] }) {
  return (
    <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-0.5 sm:grid-cols-3">
      {(Object.entries(rates) as [SignalColumn, number][]).map(([name, rate]) => (
        <div key={name} className="flex justify-between gap-2"><dt className="text-slate-500">{SIGNAL_LABELS[name] ?? name}</dt><dd className="tabular-nums">{pct(rate)}</dd></div>
      ))}
    </dl>
  );
}

function SignalRates({ signals }: { signals: ModelSignals }) {
  const answers = pluralise(signals.requests, "answer");
  return (
    <div className="mt-2">
      <h4 className="text-xs font-medium uppercase text-slate-500">Signals over {answers} in the last {signals.days} days</h4>
      <RateList rates={signals.rates} />
      {signals.byCategory.length > 1 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-slate-500">By category</summary>
          <ul>
            {signals.byCategory.map((c) => (
              <li key={c.category} className="border-t border-slate-100 py-1 first:border-t-0">
                <span className="font-medium">{c.category}</span> <span className="text-xs text-slate-500">{formatNumber(c.requests)} answer{c.requests === 1 ? "" : "s"}</span>
                <RateList rates={c.rates} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function ModelProfilesSection({ models }: { models: ModelProfiles[] }) {
  return (
    <Card title="Learned on your traffic">
      <p className="mb-3 text-sm text-slate-600">
        Feedback and evaluations move each model&apos;s quality per category away from its catalog figure. Routing uses the learned figure once its
        interval is narrow enough on enough outcomes. Signal rates are the shares of a model&apos;s answers that ended with an error status, came after
        another model failed, came back empty, refused or were cut off; they inform you and do not change routing.
      </p>
      {models.length === 0 ? <EmptyState title="Nothing learned yet">Give feedback on requests in the logs, or set an evaluation share on a policy rule.</EmptyState> : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {models.map((m) => (
            <article key={m.slug} aria-label={`Learned profile of ${m.slug}`} data-testid={`profile-${m.slug}`} className="rounded-md border border-slate-200 p-3 text-sm">
              <h3 className="mb-1 break-all font-mono text-sm font-semibold">{m.slug}</h3>
              {m.profiles.length === 0 ? <p className="text-slate-500">No feedback or evaluation yet.</p> : <ul>{m.profiles.map((p) => <ProfileLine key={p.category} p={p} />)}</ul>}
              {m.signals && <SignalRates signals={m.signals} />}
            </article>
          ))}
        </div>
      )}
    </Card>
  );
}

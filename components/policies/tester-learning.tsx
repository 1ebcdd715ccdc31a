"use client";

// How the tester's decision was adapted to the tenant's traffic: the learned category, the
// learned difficulty against the static estimate, and which quality figure each model was
// judged by (its learned profile or the catalog's) on how much evidence. Routing uses a learned
// difficulty whenever the learner answers, and a profile once it is narrow enough.
import { Badge } from "@/components/ui/page-header";
import { formatNumber } from "@/components/ui/format";
import type { testPolicy } from "@/server/console/policies/test-policy";

type Learning = NonNullable<Awaited<ReturnType<typeof testPolicy>>["learning"]>;

export function TesterLearning({ learning, categorySource }: { learning: Learning | null; categorySource: string }) {
  if (!learning) return <p className="text-slate-500">Nothing learned on this tenant&apos;s traffic yet: the catalog figures and the static estimate decided.</p>;
  const learned = learning.learnedDifficulty;
  return (
    <section aria-label="Adapted to your traffic" className="space-y-2">
      <h3 className="font-medium">Adapted to your traffic</h3>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Learned category</dt>
          <dd data-testid="tester-learned-category">
            {learning.learnedCategory ? (
              <>{learning.learnedCategory.category} {categorySource === "learned" ? <Badge tone="indigo">used</Badge> : <Badge>not used</Badge>} <span className="text-xs text-slate-500">similarity {learning.learnedCategory.similarity.toFixed(2)}, from {formatNumber(learning.learnedCategory.corrections)} correction{learning.learnedCategory.corrections === 1 ? "" : "s"}</span></>
            ) : "none close enough to this prompt"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Difficulty</dt>
          <dd data-testid="tester-difficulty-source">
            static {learning.staticDifficulty.toFixed(2)}
            {learned ? <>, learned {learned.difficulty.toFixed(2)} <Badge tone="indigo">learned used</Badge> <span className="text-xs text-slate-500">({learned.learner === "*" ? "tenant-wide" : learned.learner} learner, {formatNumber(learned.requests)} requests)</span></> : <> <Badge>static used</Badge> <span className="text-xs text-slate-500">(the learner has not seen enough yet)</span></>}
          </dd>
        </div>
      </dl>
      {learning.profiles.length === 0 ? <p className="text-slate-500">No model has evidence in this category yet: catalog figures decided.</p> : (
        <ul className="space-y-0.5" aria-label="Quality figures used">
          {learning.profiles.map((p) => (
            <li key={p.modelId}>
              <span className="font-mono text-xs">{p.modelId}</span>{" "}
              <Badge tone={p.source === "profile" ? "indigo" : "slate"}>{p.source === "profile" ? "learned profile" : "catalog figure"}</Badge>{" "}
              {p.quality === null ? "unknown" : p.quality.toFixed(1)}
              <span className="text-xs text-slate-500"> · catalog {p.catalogQuality ?? "unknown"} · learned {p.low.toFixed(1)}–{p.high.toFixed(1)} on {formatNumber(Math.round(p.evidence * 10) / 10)} outcomes</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

"use client";

// The routing decision of one request in words and tables: the category and how sure the
// classifier was, the difficulty, every candidate model with what happened to it and why, and
// the attempts in the order they ran. The stored JSON stays one click away.
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/page-header";
import type { LogAttempt } from "@/server/console/logs/get-request-log";
import { describeCategorySource, describeModelsNotAllowed, formatCost, formatQuality, formatShare, readExplanation, type CandidateStatus } from "./read-explanation";

const STATUS_TONE: Record<CandidateStatus, "green" | "indigo" | "slate"> = { chosen: "green", fallback: "indigo", skipped: "slate" };

export function DecisionView({ explanation, attempts }: { explanation: unknown; attempts: LogAttempt[] }) {
  const decision = readExplanation(explanation);
  return (
    <section aria-label="Routing decision" className="space-y-3">
      <h3 className="font-semibold">Routing decision</h3>
      {!decision ? <p className="text-slate-500">No routing decision recorded (refused before routing).</p> : (
        <>
          {decision.summary && <p className="break-words text-slate-700">{decision.summary}</p>}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-500">Category</dt>
            <dd data-testid="decision-category">
              {decision.direct ? <>none: the request named <span className="font-mono text-xs">{decision.direct}</span></> : (
                <>
                  {decision.category ?? "—"} {decision.confidence !== null && <>({formatShare(decision.confidence)} confident)</>}
                  {decision.categorySource && <span className="block text-xs text-slate-500">{describeCategorySource(decision.categorySource)}{decision.categoryDetail && `: ${decision.categoryDetail}`}</span>}
                  {decision.classifierCategory && decision.classifierCategory !== decision.category && (
                    <span className="block text-xs text-slate-500">the classifier alone said {decision.classifierCategory} ({formatShare(decision.classifierConfidence)})</span>
                  )}
                </>
              )}
            </dd>
            <dt className="text-slate-500">Difficulty</dt><dd>{decision.difficulty === null ? "—" : formatShare(decision.difficulty)}</dd>
            <dt className="text-slate-500">Estimated cost</dt><dd>{formatCost(decision.estimatedCostUsd)}</dd>
          </dl>
          {decision.error && <p role="note" className="text-red-700">{decision.error}</p>}
          {decision.notes.length > 0 && <ul className="list-disc pl-5 text-xs text-slate-600">{decision.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
          {decision.candidates.length > 0 && (
            <DataTable caption="Candidate models" head={<tr><th className="px-3 py-2">Model</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Reason</th><th className="px-3 py-2 text-right">Est. cost</th><th className="px-3 py-2 text-right">Quality</th></tr>}>
              {decision.candidates.map((c) => (
                <tr key={c.model} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 font-mono text-xs">{c.model}</td>
                  <td className="px-3 py-2"><Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge></td>
                  <td className="min-w-40 px-3 py-2 text-xs">{c.reason || "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCost(c.expectedCostUsd)}</td>
                  <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{formatQuality(c.quality)}{c.requiredQuality !== null && <span className="text-xs text-slate-500"> / bar {formatQuality(c.requiredQuality)}</span>}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {decision.modelsNotAllowed > 0 && <p className="text-xs text-slate-500">{describeModelsNotAllowed(decision.modelsNotAllowed)}</p>}
        </>
      )}
      <AttemptsTimeline attempts={attempts} />
      {explanation != null && (
        <details>
          <summary className="cursor-pointer text-xs text-slate-600">Raw explanation (JSON)</summary>
          <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{JSON.stringify(explanation, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}

function AttemptsTimeline({ attempts }: { attempts: LogAttempt[] }) {
  return (
    <section aria-label="Attempts">
      <h4 className="mb-1 font-medium">Attempts</h4>
      {attempts.length === 0 ? <p className="text-slate-500">No upstream attempt (served from cache or refused before routing).</p> : (
        <ol aria-label="Attempts in order" className="relative space-y-2 border-l-2 border-slate-200 pl-4">
          {attempts.map((a, i) => {
            const ok = typeof a.status === "number" && a.status < 400;
            return (
              <li key={i} className="relative">
                <span aria-hidden className={`absolute -left-[1.4rem] top-1 h-3 w-3 rounded-full ${ok ? "bg-green-500" : "bg-red-500"}`} />
                <span className="font-mono text-xs">{a.model}</span> <span className="text-slate-500">on {a.provider}</span>{" "}
                <Badge tone={ok ? "green" : "red"}>{ok ? `answered (${a.status})` : `failed (${a.status})`}</Badge>
                <span className="block text-xs text-slate-500">
                  {a.latencyMs !== null ? `${a.latencyMs.toLocaleString("en-US")} ms` : "time not recorded"}
                  {a.errorClass && <> · error <span className="font-mono">{a.errorClass}</span></>}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

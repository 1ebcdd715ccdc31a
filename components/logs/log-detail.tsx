"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Dialog } from "@/components/ui/dialog";
import { Badge } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { LogLearning } from "./log-learning";
import { DecisionView } from "./decision-view";
import { StoredBodyView } from "./stored-body";
import { formatCost } from "./read-explanation";

/** The drawer: the request, its routing decision and attempts, its prompt and answer when stored, and feedback. */
export function LogDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const log = useQuery(trpc.logs.get.queryOptions({ id }));
  return (
    <Dialog title="Request" onClose={onClose} side>
      <QueryState query={log}>
        {(r) => (
          <div className="space-y-4 text-sm">
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
              <dt className="text-slate-500">Id</dt><dd className="break-all font-mono text-xs">{r.id}</dd>
              <dt className="text-slate-500">Time</dt><dd>{formatDateTime(r.createdAt)}</dd>
              <dt className="text-slate-500">Key</dt><dd>{r.keyName ?? "unknown"} {r.keyPrefix && <span className="font-mono text-xs">{r.keyPrefix}…</span>}</dd>
              <dt className="text-slate-500">Requested</dt><dd>{r.requestedModel} via {r.endpoint}</dd>
              <dt className="text-slate-500">Category</dt><dd>{r.category ?? "—"} {r.categorySource && <Badge>{r.categorySource}</Badge>}</dd>
              <dt className="text-slate-500">Model</dt><dd>{r.chosenModel ?? "—"} {r.simulated && <Badge tone="amber">simulated</Badge>}</dd>
              <dt className="text-slate-500">Status</dt><dd>{r.status}{r.errorClass && ` (${r.errorClass})`}</dd>
              <dt className="text-slate-500">Tokens</dt>
              <dd>
                {r.inputTokens} in / {r.outputTokens} out
                {((r.cachedInputTokens ?? 0) > 0 || (r.cacheWriteTokens ?? 0) > 0) && (
                  <span className="block text-xs text-slate-500">prompt cache: {r.cachedInputTokens ?? 0} read, {r.cacheWriteTokens ?? 0} written</span>
                )}
              </dd>
              <dt className="text-slate-500">Cost</dt><dd>{formatCost(r.costUsd)} (baseline {formatCost(r.baselineCostUsd)})</dd>
              <dt className="text-slate-500">Finish reason</dt><dd>{r.finishReason ?? "not reported"}</dd>
              <dt className="text-slate-500">Signals</dt>
              <dd data-testid="log-signals">{r.signals.length === 0 ? "none" : <span className="flex flex-wrap gap-1">{r.signals.map((s) => <Badge key={s} tone="amber">{s}</Badge>)}</span>}</dd>
              <dt className="text-slate-500">Latency</dt><dd>{r.latencyMs} ms{r.ttftMs !== null && `, first token ${r.ttftMs} ms`}{r.cacheHit && " · cache hit"}</dd>
            </dl>
            <DecisionView explanation={r.explanation} attempts={r.attempts} />
            <StoredBodyView body={r.body} />
            <LogLearning requestId={r.id} category={r.category} />
          </div>
        )}
      </QueryState>
    </Dialog>
  );
}

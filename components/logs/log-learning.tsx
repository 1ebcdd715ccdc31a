"use client";

// The learning side of one request in the log detail: feedback (thumbs, a score, a comment), a
// category correction, and the evaluations of its answer. Members give feedback; viewers read.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Badge } from "@/components/ui/page-header";
import { ErrorState, QueryState } from "@/components/ui/states";
import { formatDateTime, formatUsd } from "@/components/ui/format";
import { giveFeedbackSchema, type GiveFeedbackInput } from "@/server/console/schemas/feedback";
import type { RequestLearning } from "@/server/console/logs/get-request-learning";

const scoreText = (score: number) => (score === 1 ? "👍 good (1)" : score === 0 ? "👎 bad (0)" : `score ${score}`);

const EVALUATION_STATUS: Record<string, string> = {
  ok: "judged",
  challenger_failed: "challenger failed",
  judge_failed: "judge failed",
  over_budget: "skipped: over budget",
};

function verdict(servedWins: number | null): string {
  if (servedWins === null) return "no verdict";
  return servedWins === 1 ? "served answer won" : servedWins === 0 ? "challenger won" : "a tie";
}

export function LogLearning({ requestId, category }: { requestId: string; category: string | null }) {
  const trpc = useTRPC();
  const learning = useQuery(trpc.logs.learning.queryOptions({ id: requestId }));
  return (
    <section aria-label="Feedback and evaluation" className="space-y-3">
      <h3 className="font-semibold">Feedback and evaluation</h3>
      <QueryState query={learning}>{(l) => <LearningBody requestId={requestId} category={category} learning={l} />}</QueryState>
    </section>
  );
}

function LearningBody({ requestId, category, learning }: { requestId: string; category: string | null; learning: RequestLearning }) {
  const canGive = useCan("member");
  return (
    <>
      {learning.feedback.length === 0 ? <p className="text-slate-500">No feedback yet.</p> : (
        <ul className="space-y-1" aria-label="Feedback given">
          {learning.feedback.map((f, i) => (
            <li key={i}>
              <span className="font-medium">{scoreText(f.score)}</span> <span className="text-slate-500">from {f.source === "console" ? "the console" : `key ${f.keyName ?? "(deleted)"}`}, {formatDateTime(f.createdAt)}</span>
              {f.comment && <span className="block break-words text-slate-600">“{f.comment}”</span>}
            </li>
          ))}
        </ul>
      )}
      {learning.corrections.length > 0 && (
        <ul className="space-y-1" aria-label="Category corrections">
          {learning.corrections.map((c, i) => <li key={i}>Refiled under <Badge tone="indigo">{c.category}</Badge> <span className="text-slate-500">by {c.by ?? "a former member"}, {formatDateTime(c.createdAt)}</span></li>)}
        </ul>
      )}
      {learning.queuedEvents > 0 && <p className="text-xs text-slate-500">{learning.queuedEvents} piece{learning.queuedEvents === 1 ? "" : "s"} of evidence waiting for the next learning round.</p>}
      {canGive ? <FeedbackControls requestId={requestId} category={category} choices={learning.categoryChoices} /> : <p className="text-xs text-slate-500">Giving feedback needs the member role.</p>}
      <div>
        <h4 className="mb-1 font-medium">Evaluation</h4>
        {learning.evaluations.length === 0 ? <p className="text-slate-500">This request was not evaluated.</p> : (
          <ul className="space-y-1" aria-label="Evaluations">
            {learning.evaluations.map((e) => (
              <li key={e.id}>
                <Badge tone={e.status === "ok" ? "green" : "amber"}>{EVALUATION_STATUS[e.status] ?? e.status}</Badge>{" "}
                <span className="font-mono text-xs">{e.servedModel}</span> vs <span className="font-mono text-xs">{e.challengerModel}</span>, judged by <span className="font-mono text-xs">{e.judgeModel}</span>
                {e.status === "ok" && <>: {verdict(e.servedWins)}</>}
                <span className="block text-xs text-slate-500">{e.category} · cost {formatUsd(e.costUsd, "unpriced")} · {formatDateTime(e.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function FeedbackControls({ requestId, category, choices }: { requestId: string; category: string | null; choices: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [score, setScore] = useState("");
  const [comment, setComment] = useState("");
  const [refile, setRefile] = useState("");
  const [error, setError] = useState<string>();
  const give = useMutation(trpc.logs.giveFeedback.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries(trpc.logs.learning.queryFilter({ id: requestId })),
  }));
  function send(input: Omit<GiveFeedbackInput, "requestId">) {
    const parsed = giveFeedbackSchema.safeParse({ requestId, ...input });
    setError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) give.mutate(parsed.data);
  }
  const commentOrNull = comment.trim() === "" ? null : comment;
  const others = choices.filter((c) => c !== category);
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600">Was the answer good?</span>
        <Button aria-label="Thumbs up: good" disabled={give.isPending} onClick={() => send({ score: 1, comment: commentOrNull, category: null })}>👍 Good</Button>
        <Button aria-label="Thumbs down: bad" disabled={give.isPending} onClick={() => send({ score: 0, comment: commentOrNull, category: null })}>👎 Bad</Button>
      </div>
      <form className="flex flex-wrap items-end gap-2" noValidate onSubmit={(e) => { e.preventDefault(); send({ score: score.trim() === "" ? null : Number(score), comment: commentOrNull, category: null }); }}>
        <div className="w-28"><TextField label="Or a score (0-1)" inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} /></div>
        <div className="min-w-40 flex-1"><TextField label="Comment (optional)" value={comment} onChange={(e) => setComment(e.target.value)} /></div>
        <Button type="submit" disabled={give.isPending}>Save score</Button>
      </form>
      <form className="flex flex-wrap items-end gap-2" noValidate onSubmit={(e) => { e.preventDefault(); send({ score: null, comment: null, category: refile === "" ? null : refile }); }}>
        <div className="min-w-40 flex-1">
          <SelectField label={`Filed under the wrong category${category ? ` (${category})` : ""}? Choose the right one`} value={refile} onChange={(e) => setRefile(e.target.value)}>
            <option value="">Pick a category</option>
            {others.map((c) => <option key={c} value={c}>{c}</option>)}
          </SelectField>
        </div>
        <Button type="submit" disabled={give.isPending || refile === ""}>Refile</Button>
      </form>
      {error && <p role="alert" className="text-xs text-red-600">{error}</p>}
      <ErrorState error={give.error} />
      {give.isSuccess && <p role="status" className="text-xs text-green-700">Thanks: recorded, and routing learns from it in its next round.</p>}
    </div>
  );
}

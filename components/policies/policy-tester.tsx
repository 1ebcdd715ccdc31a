"use client";

// Routes a typed or pasted prompt (and the request metadata custom categories may match) with the
// policy, exactly as the gateway would, without calling any model: with the editor's unsaved
// draft while it differs from the saved version (and is valid), else with the saved version.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Badge, Card } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { formatUsd } from "@/components/ui/format";
import { firstIssueMessage } from "@/components/ui/form-errors";
import { policyFieldsSchema, testPolicySchema, type PolicyFields } from "@/server/console/schemas/policies";
import { describeModelsNotAllowed } from "@/components/logs/read-explanation";
import { TesterLearning } from "./tester-learning";
import { fromDraft, metadataPairs, type PolicyDraft } from "./policy-draft";

/** The draft's fields when they are valid and differ from the saved ones; else nothing (route with the saved version). */
function changedDraft(saved: PolicyFields, draft: PolicyDraft | null): PolicyFields | undefined {
  if (!draft) return undefined;
  const parsed = policyFieldsSchema.safeParse(fromDraft(draft));
  if (!parsed.success || JSON.stringify(parsed.data) === JSON.stringify(policyFieldsSchema.safeParse(saved).data ?? saved)) return undefined;
  return parsed.data;
}

export function PolicyTester({ policyId, saved, draft }: { policyId: string; saved: PolicyFields; draft: PolicyDraft | null }) {
  const trpc = useTRPC();
  const canTest = useCan("member");
  const [prompt, setPrompt] = useState("");
  const [metadata, setMetadata] = useState("");
  const [error, setError] = useState<string | undefined>();
  const test = useMutation(trpc.policies.test.mutationOptions());
  if (!canTest) return null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = testPolicySchema.safeParse({ policyId, prompt, metadata: metadata.trim() === "" ? undefined : metadataPairs(metadata), draft: changedDraft(saved, draft) });
    setError(parsed.success ? undefined : firstIssueMessage(parsed.error, { prompt: "Prompt", system: "System prompt", metadata: "Metadata" }));
    if (parsed.success) test.mutate(parsed.data);
  }
  const r = test.data;
  return (
    <Card title="Tester">
      <form onSubmit={submit} noValidate className="space-y-2">
        <TextAreaField label="Prompt" rows={5} value={prompt} onChange={(e) => setPrompt(e.target.value)} error={error} placeholder="Paste a prompt to see where it would go" />
        <TextField label="Metadata" value={metadata} onChange={(e) => setMetadata(e.target.value)} hint="Optional, as the request's metadata: key=value, comma-separated" />
        <Button type="submit" variant="primary" disabled={test.isPending}>{test.isPending ? "Routing…" : "Route it"}</Button>
      </form>
      <ErrorState error={test.error} />
      {r && (
        <div className="mt-4 space-y-3 text-sm" aria-label="Routing result" role="region">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
            <div><dt className="text-slate-500">Category</dt><dd data-testid="tester-category">{r.category} <Badge>{r.categorySource}</Badge></dd></div>
            <div><dt className="text-slate-500">Confidence</dt><dd>{r.confidence.toFixed(2)}</dd></div>
            <div><dt className="text-slate-500">Difficulty</dt><dd>{r.difficulty.toFixed(2)}</dd></div>
            <div><dt className="text-slate-500">Chosen model</dt><dd data-testid="tester-model">{r.chosenModel?.id ?? "none"}</dd></div>
            <div><dt className="text-slate-500">Fallback plan</dt><dd>{r.fallbackPlan.join(" → ") || "none"}</dd></div>
            <div><dt className="text-slate-500">Estimated cost</dt><dd>{formatUsd(r.estimate.costUsd)} vs {formatUsd(r.estimate.baselineCostUsd)} on {r.estimate.baselineModelSlug}{r.estimate.savingsPct !== null && ` (${r.estimate.savingsPct.toFixed(0)} % saved)`}</dd></div>
          </dl>
          <p className="text-xs text-slate-500" data-testid="tester-routed-with">{r.fromDraft ? "Routed with the unsaved draft." : `Routed with the saved version ${r.policyVersion}.`}</p>
          <p className="rounded bg-slate-50 p-2" data-testid="tester-summary">{r.summary}</p>
          {r.error && <p className="text-red-700">{r.error.message}</p>}
          {r.notes.map((n) => <p key={n} className="text-amber-700">{n}</p>)}
          <TesterLearning learning={r.learning} categorySource={r.categorySource} />
          <details>
            <summary className="cursor-pointer text-slate-600">Every candidate ({r.candidates.length})</summary>
            <ul className="mt-1 space-y-0.5 text-xs">
              {r.candidates.map((c) => <li key={c.modelId}><span className="font-mono">{c.modelId}</span> <Badge tone={c.status === "chosen" ? "green" : c.status === "fallback" ? "indigo" : "slate"}>{c.status}</Badge> {c.reason}</li>)}
            </ul>
            {r.modelsNotAllowed > 0 && <p className="mt-1 text-xs text-slate-500">{describeModelsNotAllowed(r.modelsNotAllowed)}</p>}
          </details>
        </div>
      )}
    </Card>
  );
}

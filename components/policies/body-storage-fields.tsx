"use client";

// The policy's "store prompts and answers" setting: off by default, since prompts can hold
// personal data; when on, each prompt and answer is kept up to the cap (see docs/LOGS.md).
import { TextField } from "@/components/ui/field";
import type { PolicyDraft } from "./policy-draft";

type BodyDraft = Pick<PolicyDraft, "storeBodies" | "storeBodiesKiB">;

export function BodyStorageFields({ draft, onChange, error, readOnly }: { draft: BodyDraft; onChange: (next: BodyDraft) => void; error?: string; readOnly: boolean }) {
  return (
    <fieldset className="space-y-2 sm:col-span-2 lg:col-span-3">
      <legend className="sr-only">Prompt and answer storage</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.storeBodies} disabled={readOnly} onChange={(e) => onChange({ ...draft, storeBodies: e.target.checked })} />
        Store prompts and answers
      </label>
      <p className="text-xs text-slate-500">Shown in each request&apos;s log and searchable there. API keys, tokens and email addresses are replaced with markers before they are stored; other personal data is not.</p>
      {draft.storeBodies && (
        <div className="max-w-60">
          <TextField label="Keep at most (KiB per prompt and per answer)" type="number" step="1" min="1" max="256" value={draft.storeBodiesKiB} onChange={(e) => onChange({ ...draft, storeBodiesKiB: e.target.value })} error={error} readOnly={readOnly} hint="1 to 256; longer ones are cut" />
        </div>
      )}
    </fieldset>
  );
}

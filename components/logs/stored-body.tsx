"use client";

// The prompt and answer of a request whose policy stores them (redacted and capped on storage).
import Link from "next/link";
import type { StoredBody } from "@/server/console/logs/get-request-log";

export function StoredBodyView({ body }: { body: StoredBody | null }) {
  return (
    <section aria-label="Prompt and answer" className="space-y-2">
      <h3 className="font-semibold">Prompt and answer</h3>
      {!body ? (
        <p className="text-slate-500">Not stored. Turn on &quot;Store prompts and answers&quot; in the request&apos;s policy to keep them for new requests (<Link className="text-indigo-700 underline" href="/docs/logs">how storage works</Link>).</p>
      ) : (
        <>
          <ol className="space-y-2">
            {body.prompt.map((m, i) => (
              <li key={i} className="rounded border border-slate-200 p-2">
                <span className="text-xs font-medium uppercase text-slate-500">{m.role}</span>
                <p className="max-h-60 overflow-auto whitespace-pre-wrap break-words">{m.content}</p>
              </li>
            ))}
            <li className="rounded border border-indigo-200 bg-indigo-50/40 p-2">
              <span className="text-xs font-medium uppercase text-slate-500">answer</span>
              <p className="max-h-60 overflow-auto whitespace-pre-wrap break-words">{body.answer ?? "No answer (the request failed)."}</p>
            </li>
          </ol>
          <p className="text-xs text-slate-500">Secrets and email addresses are replaced with markers before storage.{body.truncated && " Cut at the policy's size cap."}</p>
        </>
      )}
    </section>
  );
}

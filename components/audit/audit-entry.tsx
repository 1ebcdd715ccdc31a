"use client";

import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";

export type AuditItem = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

/** Changed fields only: the value before struck through, the value after beside it. */
function ChangeList({ changes }: { changes: AuditItem["changes"] }) {
  return (
    <dl className="mt-2 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs" aria-label="Changes">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-medium text-slate-600 break-words">{c.field}</dt>
          <dd className="min-w-0 break-words">
            {c.before === null ? <span className="text-slate-500">changed</span> : (
              <>
                <span className="sr-only">before: </span>
                <del className="rounded bg-red-50 px-1 text-red-800">{c.before}</del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only">, after: </span>
                <ins className="rounded bg-green-50 px-1 text-green-800 no-underline">{c.after}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditEntry({ item, onOnlyThisObject }: { item: AuditItem; onOnlyThisObject: (item: AuditItem) => void }) {
  return (
    <li className="border-t border-slate-100 px-4 py-3 first:border-t-0" data-testid="audit-entry">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="min-w-0 break-words text-sm text-slate-900">{item.summary}</p>
        <time className="shrink-0 text-xs text-slate-500" dateTime={new Date(item.createdAt).toISOString()}>{formatDateTime(item.createdAt)}</time>
      </div>
      {item.changes.length > 0 && <ChangeList changes={item.changes} />}
      <details className="mt-1 text-xs text-slate-500">
        <summary className="cursor-pointer select-none">Details</summary>
        <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
          <dt>Action</dt><dd className="break-all font-mono">{item.action}</dd>
          <dt>Object</dt><dd className="break-all font-mono">{item.targetType}{item.targetId && ` ${item.targetId}`}</dd>
          {item.actorUserId && <><dt>Member id</dt><dd className="break-all font-mono">{item.actorUserId}</dd></>}
          {item.actorApiKeyId && <><dt>API key id</dt><dd className="break-all font-mono">{item.actorApiKeyId}</dd></>}
        </dl>
        {item.targetId && <Button variant="ghost" className="mt-1 px-1 py-0.5 text-xs" onClick={() => onOnlyThisObject(item)}>Show only {item.object}</Button>}
      </details>
    </li>
  );
}

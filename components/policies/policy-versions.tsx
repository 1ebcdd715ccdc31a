"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { ErrorState, QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { versionWhatIfLine } from "./what-if-view";

const show = (value: unknown) => (value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value));

interface Props {
  policyId: string;
  /** The version the page shows; a restore made from an older page is refused like a stale save. */
  currentVersion: number;
  canManage: boolean;
}

export function PolicyVersions({ policyId, currentVersion, canManage }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.policies.versions.queryOptions({ id: policyId }));
  const restore = useMutation(trpc.policies.restore.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.policies.pathFilter()) }));
  return (
    <Card title="Versions">
      <ErrorState error={restore.error} />
      {restore.isSuccess && <p role="status" className="mb-2 text-sm text-green-700">Restored version {restore.variables.version} as version {restore.data.version}.</p>}
      <QueryState query={versions}>
        {(rows) => (
          <ol className="space-y-3">
            {rows.map((v) => (
              <li key={v.version} className="text-sm">
                <div className="flex items-center justify-between gap-2">
                  <p className="font-medium">Version {v.version} <span className="font-normal text-slate-500">· {formatDateTime(v.createdAt)} · {v.createdBy ?? "system"}</span></p>
                  {canManage && v.version !== currentVersion && (
                    <ConfirmButton className="shrink-0 px-2 py-0.5 text-xs" disabled={restore.isPending} ariaLabel={`Restore version ${v.version}`}
                      title={`Restore version ${v.version}?`} message={`Its settings are saved as version ${currentVersion + 1}; the gateway uses them at once.`}
                      confirmLabel="Restore" onConfirm={() => restore.mutate({ id: policyId, version: v.version, expectedVersion: currentVersion })}>
                      Restore this version
                    </ConfirmButton>
                  )}
                </div>
                {v.whatIf && <p className="text-slate-700" data-testid="version-what-if">What-if when saved: {versionWhatIfLine(v.whatIf)}</p>}
                {v.version === 1 ? <p className="text-slate-500">Created.</p> : v.changes.length === 0 ? <p className="text-slate-500">Saved without changes.</p> : (
                  <ul className="mt-1 space-y-0.5 font-mono text-xs">
                    {v.changes.map((c) => (
                      <li key={c.path}><span className="text-slate-600">{c.path}</span>: <span className="text-red-700 line-through">{show(c.before)}</span> → <span className="text-green-700">{show(c.after)}</span></li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
            {rows.length > 0 && rows.at(-1)!.version !== 1 && <li className="text-sm text-slate-500">Older versions are not listed: the newest {rows.length} are.</li>}
          </ol>
        )}
      </QueryState>
    </Card>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Card } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";

const show = (value: unknown) => (value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value));

export function PolicyVersions({ policyId }: { policyId: string }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.policies.versions.queryOptions({ id: policyId }));
  return (
    <Card title="Versions">
      <QueryState query={versions}>
        {(rows) => (
          <ol className="space-y-3">
            {rows.map((v) => (
              <li key={v.version} className="text-sm">
                <p className="font-medium">Version {v.version} <span className="font-normal text-slate-500">· {formatDateTime(v.createdAt)} · {v.createdBy ?? "system"}</span></p>
                {v.version === 1 ? <p className="text-slate-500">Created.</p> : v.changes.length === 0 ? <p className="text-slate-500">Saved without changes.</p> : (
                  <ul className="mt-1 space-y-0.5 font-mono text-xs">
                    {v.changes.map((c) => (
                      <li key={c.path}><span className="text-slate-600">{c.path}</span>: <span className="text-red-700 line-through">{show(c.before)}</span> → <span className="text-green-700">{show(c.after)}</span></li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </Card>
  );
}

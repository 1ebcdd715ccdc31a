"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { formatDateTime } from "@/components/ui/format";
import { Badge } from "@/components/ui/page-header";
import { EmptyState, QueryState } from "@/components/ui/states";

const STATUS_TONE = { pending: "amber", delivered: "green", failed: "red" } as const;

/** An endpoint's latest deliveries, read again every few seconds while open (retries land in the background). */
export function WebhookDeliveries({ webhookId, name }: { webhookId: string; name: string }) {
  const trpc = useTRPC();
  const deliveries = useQuery({ ...trpc.webhooks.deliveries.queryOptions({ id: webhookId }), refetchInterval: 5_000 });
  return (
    <QueryState query={deliveries}>
      {(rows) =>
        rows.length === 0 ? <EmptyState title="Nothing sent yet" /> : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" aria-label={`Deliveries of ${name}`}>
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr><th className="py-1 pr-3">Time</th><th className="pr-3">Event</th><th className="pr-3">Status</th><th className="pr-3">Attempts</th><th className="pr-3">HTTP</th><th>Next retry / error</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((d) => (
                  <tr key={d.id}>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(d.createdAt)}</td>
                    <td className="pr-3">{d.event}</td>
                    <td className="pr-3"><Badge tone={STATUS_TONE[d.status as keyof typeof STATUS_TONE] ?? "slate"}>{d.status}</Badge></td>
                    <td className="pr-3">{d.attempts}</td>
                    <td className="pr-3">{d.lastHttpStatus ?? "–"}</td>
                    <td className="text-slate-600">
                      {d.status === "pending" && d.nextAttemptAt && <>retry {formatDateTime(d.nextAttemptAt)}{d.lastError && " · "}</>}
                      {d.status !== "delivered" && d.lastError}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}

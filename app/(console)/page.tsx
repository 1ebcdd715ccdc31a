import { redirect } from "next/navigation";
import { currentConsoleMember } from "@/server/auth/current-console-member";
import { periodTotals } from "@/server/analytics/period-totals";
import { getDb } from "@/server/db/client";
import { KpiCard } from "@/components/kpi-card";
import { formatUsd } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const membership = (await currentConsoleMember())?.membership;
  if (!membership) redirect("/sign-in");
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  const totals = await periodTotals(getDb(), membership.tenantId, from, to);
  return (
    <>
      <header className="mb-6">
        <p className="text-sm text-slate-500">{membership.tenantName} · {membership.role}</p>
        <h1 className="text-2xl font-semibold">Last 30 days</h1>
      </header>
      <section className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Key figures">
        <KpiCard label="Requests" value={totals.requests.toLocaleString("en-US")} />
        <KpiCard label="Spend" value={formatUsd(totals.costUsd)} />
        <KpiCard label="Single-model baseline" value={formatUsd(totals.baselineCostUsd)} hint="Everything sent to the policy's baseline model" />
        <KpiCard label="Savings" value={totals.savingsPct === null ? "—" : `${totals.savingsPct.toFixed(1)} %`} />
      </section>
    </>
  );
}

import { redirect } from "next/navigation";
import { currentUserWithTenants } from "@/server/auth/current-user";
import { periodTotals } from "@/server/analytics/period-totals";
import { getDb } from "@/server/db/client";
import { KpiCard } from "@/components/kpi-card";

export const dynamic = "force-dynamic";

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export default async function HomePage() {
  const user = await currentUserWithTenants();
  if (!user) redirect("/sign-in");
  const membership = user.memberships[0];
  if (!membership) {
    return <main className="p-8">You do not belong to any organisation yet.</main>;
  }
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  const totals = await periodTotals(getDb(), membership.tenant.id, from, to);
  return (
    <main className="mx-auto max-w-5xl p-8">
      <header className="mb-6">
        <p className="text-sm text-slate-500">{membership.tenant.name} · {membership.role}</p>
        <h1 className="text-2xl font-semibold">Last 30 days</h1>
      </header>
      <section className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Key figures">
        <KpiCard label="Requests" value={totals.requests.toLocaleString("en-US")} />
        <KpiCard label="Spend" value={usd(totals.costUsd)} />
        <KpiCard label="Single-model baseline" value={usd(totals.baselineCostUsd)} hint="Everything sent to the policy's baseline model" />
        <KpiCard label="Savings" value={totals.savingsPct === null ? "—" : `${totals.savingsPct.toFixed(1)} %`} />
      </section>
    </main>
  );
}

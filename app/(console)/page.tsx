import { Suspense } from "react";
import { redirect } from "next/navigation";
import { currentConsoleMember } from "@/server/auth/current-console-member";
import { DashboardPage } from "@/components/dashboard/dashboard-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview · Switchyard" };

export default async function OverviewPage() {
  const membership = (await currentConsoleMember())?.membership;
  if (!membership) redirect("/sign-in");
  // The dashboard reads its filters from the URL (useSearchParams).
  return (
    <Suspense>
      <DashboardPage subtitle={`${membership.tenantName} · ${membership.role}`} />
    </Suspense>
  );
}

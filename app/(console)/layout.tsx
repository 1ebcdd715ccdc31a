import { redirect } from "next/navigation";
import { currentConsoleMember } from "@/server/auth/current-console-member";
import { listMyTenants } from "@/server/console/account/list-my-tenants";
import { getDb } from "@/server/db/client";
import { ConsoleQueryProvider } from "@/components/trpc/trpc";
import { ConsoleSessionProvider } from "@/components/console/console-session";
import { ConsoleNav } from "@/components/console/console-nav";
import { TenantSwitcher } from "@/components/console/tenant-switcher";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const member = await currentConsoleMember();
  if (!member) redirect("/sign-in");
  const { userId, membership } = member;
  const db = getDb();
  const [user, tenants] = await Promise.all([db.user.findUnique({ where: { id: userId }, select: { email: true } }), listMyTenants(db, userId)]);
  if (!user) redirect("/sign-in");
  if (!membership) return <main className="p-8">You do not belong to any organisation yet. Ask an admin for an invite link.</main>;
  const session = { email: user.email, tenantId: membership.tenantId, tenantName: membership.tenantName, role: membership.role };
  return (
    <ConsoleQueryProvider>
      <ConsoleSessionProvider session={session}>
        <div className="min-h-screen md:flex">
          <aside className="border-b border-slate-200 bg-white p-4 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-b-0 md:border-r">
            <p className="mb-4 text-lg font-semibold tracking-tight">Switchyard</p>
            <div className="flex flex-col gap-4 md:h-[calc(100%-3rem)] md:justify-between">
              <ConsoleNav />
              <TenantSwitcher tenants={tenants} />
            </div>
          </aside>
          <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
        </div>
      </ConsoleSessionProvider>
    </ConsoleQueryProvider>
  );
}

import { redirect } from "next/navigation";
import { currentConsoleMember } from "@/server/auth/current-console-member";
import { listMyTenants } from "@/server/console/account/list-my-tenants";
import { getDb } from "@/server/db/client";
import { ConsoleQueryProvider } from "@/components/trpc/trpc";
import { ConsoleSessionProvider } from "@/components/console/console-session";
import { ConsoleNav } from "@/components/console/console-nav";
import { TenantSwitcher } from "@/components/console/tenant-switcher";
import { ToastProvider } from "@/components/ui/toast";
import { ConsoleSidebar } from "@/components/console/console-sidebar";

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
        <ToastProvider>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow">Skip to content</a>
        <div className="min-h-screen md:flex">
          <ConsoleSidebar>
            <ConsoleNav />
            <TenantSwitcher tenants={tenants} />
          </ConsoleSidebar>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 focus:outline-none md:p-8">{children}</main>
        </div>
        </ToastProvider>
      </ConsoleSessionProvider>
    </ConsoleQueryProvider>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "@/components/trpc/trpc";
import { useConsoleSession } from "./console-session";

export function TenantSwitcher({ tenants }: { tenants: { tenantId: string; name: string; role: string }[] }) {
  const trpc = useTRPC();
  const session = useConsoleSession();
  const router = useRouter();
  const queryClient = useQueryClient();
  const switchTenant = useMutation(trpc.tenant.switch.mutationOptions({
    onSuccess: () => {
      // Nothing cached for the previous tenant may show under the new one.
      queryClient.clear();
      router.push("/");
      router.refresh();
    },
  }));
  return (
    <div className="space-y-2">
      {tenants.length > 1 ? (
        <label className="block text-xs text-slate-500">
          Organisation
          <select
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
            value={session.tenantId}
            disabled={switchTenant.isPending}
            onChange={(e) => switchTenant.mutate({ tenantId: e.target.value })}
          >
            {tenants.map((t) => <option key={t.tenantId} value={t.tenantId}>{t.name} ({t.role})</option>)}
          </select>
        </label>
      ) : (
        <p className="text-sm font-medium">{session.tenantName}</p>
      )}
      <p className="text-xs text-slate-500">{session.email} · <span data-testid="current-role">{session.role}</span></p>
      <button type="button" onClick={() => signOut({ callbackUrl: "/sign-in" })} className="text-xs text-indigo-700 underline-offset-2 hover:underline">
        Sign out
      </button>
    </div>
  );
}

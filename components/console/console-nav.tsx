"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";

const LINKS = [
  ["/", "Overview"], ["/policies", "Policies"], ["/models", "Models"], ["/keys", "Keys"], ["/providers", "Providers"],
  ["/logs", "Logs"], ["/alerts", "Alerts"], ["/members", "Members"], ["/teams", "Teams"], ["/audit", "Audit"], ["/settings", "Settings"], ["/docs", "Docs"],
] as const;

// Alerts are raised by a background round every minute or so: a slow poll keeps the badge honest
// without a request per page view.
const OPEN_ALERTS_POLL_MS = 60_000;

export function ConsoleNav() {
  const pathname = usePathname();
  const trpc = useTRPC();
  const openAlerts = useQuery(trpc.alerts.openCount.queryOptions(undefined, { refetchInterval: OPEN_ALERTS_POLL_MS }));
  return (
    <nav aria-label="Console" className="grid grid-cols-2 gap-1 md:flex md:flex-col">
      {LINKS.map(([href, label]) => {
        const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
        const count = href === "/alerts" ? (openAlerts.data ?? 0) : 0;
        return (
          <Link key={href} href={href} aria-current={active ? "page" : undefined}
            className={`flex items-center justify-between gap-2 whitespace-nowrap rounded-md px-3 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}>
            {label}
            {count > 0 && (
              <span data-testid="open-alerts-badge" aria-label={`${count} open alert${count === 1 ? "" : "s"}`}
                className="rounded-full bg-red-600 px-1.5 text-xs font-semibold leading-5 text-white">
                {count > 99 ? "99+" : count}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}

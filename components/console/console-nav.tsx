"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  ["/", "Overview"], ["/policies", "Policies"], ["/models", "Models"], ["/keys", "Keys"], ["/providers", "Providers"],
  ["/logs", "Logs"], ["/alerts", "Alerts"], ["/members", "Members"], ["/teams", "Teams"], ["/audit", "Audit"], ["/settings", "Settings"],
] as const;

export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="flex gap-1 overflow-x-auto md:flex-col">
      {LINKS.map(([href, label]) => {
        const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
        return (
          <Link key={href} href={href} aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}

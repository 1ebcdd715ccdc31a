"use client";

// The console's navigation: a sidebar from the md breakpoint up, and below it a top bar whose
// Menu button opens the same links as a panel, so that no link is squeezed or cut on a phone.
import { useEffect, useState, type ReactNode } from "react";

export function ConsoleSidebar({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:overflow-y-auto md:border-b-0 md:border-r">
      <div className="flex items-center justify-between gap-2 px-4 py-3 md:py-4">
        <p className="text-lg font-semibold tracking-tight">Switchyard</p>
        <button type="button" aria-expanded={open} aria-controls="console-menu" onClick={() => setOpen(!open)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 md:hidden">
          {open ? "Close menu" : "Menu"}
        </button>
      </div>
      {/* Following a link closes the menu, so the page it opens is what the phone shows. */}
      <div id="console-menu" onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)} className={`${open ? "flex" : "hidden"} flex-col gap-4 px-4 pb-4 md:flex md:h-[calc(100%-4rem)] md:justify-between`}>
        {children}
      </div>
    </aside>
  );
}

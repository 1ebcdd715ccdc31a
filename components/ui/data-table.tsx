"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The console's list table: bordered, and on a screen narrower than its columns it scrolls
 * sideways inside its own box, never the page. While it overflows, the box takes keyboard focus
 * (arrow keys scroll it) and is named for screen readers. `head` is the header row, children the
 * body rows; `caption` names the table.
 */
export function DataTable({ head, children, caption }: { head: ReactNode; children: ReactNode; caption?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  // relative: visually hidden (absolute) text in a cell stays inside this box instead of
  // widening the page from where it would sit at the table's right edge.
  const scrollable = overflows ? { tabIndex: 0, role: "region", "aria-label": `${caption ?? "Table"} (scrolls sideways)` } : {};
  return (
    <div ref={box} {...scrollable} className="relative max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400">
      <table className="w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

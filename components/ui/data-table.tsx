import type { ReactNode } from "react";

/** The console's list table: bordered, scrolling sideways on narrow screens. `head` is the header row, children the body rows. */
export function DataTable({ head, children }: { head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

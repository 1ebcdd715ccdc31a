"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/page-header";
import { EmptyState, QueryState } from "@/components/ui/states";
import { downloadCsv } from "./csv";
import type { ChartTable } from "./chart-tables";

const NO_DATA = { title: "No data in this range", text: "No requests match these filters in the selected period." };

interface ChartCardProps<T> {
  title: string;
  description?: string;
  query: { isPending: boolean; error: { message: string } | null; data: T | undefined };
  /** True when the range has no data for this chart at all (not when it has zeros). */
  isEmpty: (data: T) => boolean;
  csv: (data: T) => string;
  /** The chart's numbers as a table with links to their logs, for keyboards and screen readers. */
  table?: (data: T) => ChartTable;
  controls?: ReactNode;
  empty?: { title: string; text: string };
  children: (data: T) => ReactNode;
}

export function ChartCard<T>({ title, description, query, isEmpty, csv, table, controls, empty = NO_DATA, children }: ChartCardProps<T>) {
  const fileName = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.csv`;
  return (
    <Card
      title={title}
      actions={
        <div className="flex items-center gap-2">
          {controls}
          <Button variant="ghost" aria-label={`Export ${title} as CSV`} disabled={!query.data} onClick={() => query.data && downloadCsv(fileName, csv(query.data))}>
            CSV
          </Button>
        </div>
      }
    >
      {description && <p className="-mt-2 mb-3 text-xs text-slate-500">{description}</p>}
      <QueryState query={query}>
        {(data) => (isEmpty(data) ? <EmptyState title={empty.title}>{empty.text}</EmptyState> : (
          <>
            {children(data)}
            {table && <ChartTableView title={title} table={table(data)} />}
          </>
        ))}
      </QueryState>
    </Card>
  );
}

function ChartTableView({ title, table }: { title: string; table: ChartTable }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="w-fit cursor-pointer rounded text-indigo-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400">
        Show as a table<span className="sr-only"> ({title})</span>
      </summary>
      <div className="mt-2">
        <DataTable caption={`${title}: each link opens the matching request logs`} head={<tr>{table.columns.map((c) => <th key={c} scope="col" className="px-3 py-2">{c}</th>)}</tr>}>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-100">
              {row.map((cell, j) => (
                <td key={j} className="whitespace-nowrap px-3 py-1.5 tabular-nums">
                  {cell.href ? <Link href={cell.href} className="text-indigo-700 hover:underline">{cell.text}</Link> : cell.text}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </div>
    </details>
  );
}

export function Toggle<V extends string>({ label, value, options, onChange }: { label: string; value: V; options: readonly (readonly [V, string])[]; onChange: (value: V) => void }) {
  return (
    <div role="group" aria-label={label} className="flex rounded-md border border-slate-200 text-xs">
      {options.map(([v, text]) => (
        <button key={v} type="button" aria-pressed={v === value} onClick={() => onChange(v)}
          className={`px-2 py-1 first:rounded-l-md last:rounded-r-md ${v === value ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-50"}`}>
          {text}
        </button>
      ))}
    </div>
  );
}

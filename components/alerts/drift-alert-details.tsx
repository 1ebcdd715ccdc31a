"use client";

// A drift alert's details on the Alerts page: what moved from what to what, since when, over
// which windows, how much traffic it affects, which policies can route to the model, and links to
// its requests and its dashboard charts.
import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import { driftChangeText, trafficText, type DriftView } from "./drift-text";

const when = (iso: string) => formatDateTime(new Date(iso));

export function DriftAlertDetails({ details: d }: { details: DriftView }) {
  return (
    <div className="space-y-1 text-slate-600">
      <p className="font-medium text-slate-800">{driftChangeText(d)}</p>
      {d.price ? (
        <p>First seen {when(d.since)}; the previous prices had been in effect since {when(d.price.previousSince)}</p>
      ) : (
        <p>
          Since {when(d.since)} (first detected in the window starting then) · compared {when(d.window.recentFrom)}–{when(d.window.to)} with {when(d.window.referenceFrom)}–{when(d.window.recentFrom)}
          {d.pValue !== null && ` · p = ${d.pValue.toPrecision(2)}`}
        </p>
      )}
      <p>{trafficText(d)}</p>
      <p>{d.policies.length > 0 ? `Policies that can route to ${d.model}: ${d.policies.join(", ")}` : `No policy routes to ${d.model}`}</p>
      <div className="flex flex-wrap gap-3">
        {d.links.logs.startsWith("/") && <Link className="text-indigo-700 underline" href={d.links.logs}>Requests</Link>}
        {d.links.dashboard.startsWith("/") && <Link className="text-indigo-700 underline" href={d.links.dashboard}>Dashboard charts</Link>}
      </div>
    </div>
  );
}

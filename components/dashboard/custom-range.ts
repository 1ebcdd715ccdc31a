// The custom range's From and To inputs (datetime-local, read as UTC) and what is wrong with a
// pair the user typed, said in words next to the fields instead of the range silently reverting.
import { MAX_CUSTOM_RANGE_DAYS } from "@/server/analytics/dashboard-filters";

export const toDateTimeInput = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

export function fromDateTimeInput(value: string): Date | null {
  // Date's own parser accepts odd strings; a datetime-local value has exactly this shape.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Null when the pair can be applied, else the message to show under the To field. */
export function customRangeProblem(from: Date | null, to: Date | null): string | null {
  if (!from || !to) return "Enter both a start (From) and an end (To).";
  if (to <= from) return "To must be later than From.";
  if (to.getTime() - from.getTime() > MAX_CUSTOM_RANGE_DAYS * 86_400_000) return `A custom range spans at most ${MAX_CUSTOM_RANGE_DAYS} days.`;
  return null;
}

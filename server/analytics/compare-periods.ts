// Change of a figure against the previous period. Unknown stays unknown: no previous value,
// or a previous value of 0 for a relative change, gives null rather than 0 % or infinity.

/** (current - previous) / previous, as a fraction. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** Difference of two rates (fractions), i.e. percentage points / 100. */
export function pointChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return current - previous;
}

/** part / whole, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

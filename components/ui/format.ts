// Display formatting. Unknown money stays visibly unknown: null is never rendered as $0.
export function formatUsd(value: number | null, unknown = "unknown"): string {
  if (value === null) return unknown;
  const digits = value !== 0 && Math.abs(value) < 0.01 ? 6 : 2;
  return `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: digits })}`;
}

export function formatDateTime(value: Date | null, never = "never"): string {
  return value ? value.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : never;
}

export function formatNumber(value: number | null, unknown = "unknown"): string {
  return value === null ? unknown : value.toLocaleString("en-US");
}

/** Form inputs hold strings; the schemas want numbers or null. */
export function numberOrNull(raw: FormDataEntryValue | string | null | undefined): number | null {
  const text = String(raw ?? "").trim();
  return text === "" ? null : Number(text);
}

export function textOrNull(raw: FormDataEntryValue | string | null | undefined): string | null {
  const text = String(raw ?? "").trim();
  return text === "" ? null : text;
}

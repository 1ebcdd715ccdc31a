// The changed fields of an audit entry, before and after, formatted for people. Entries store
// changes in a few shapes, written over the years by different parts of the console; all of them
// are read here so that old entries show what they can:
//   { changes: [{ path, before, after }] }       policies and models, from now on
//   { from: {...}, to: {...} }                    teams, key limits
//   { from: x, to: y }                            one value: a name, a budget, a role
//   { changed: { field: { from, to } } }          drift settings
//   { changed: ["path", ...] } / { fields: [...] } older policy and model entries: names only
import { isRecord } from "../../is-record";

export interface AuditChange {
  field: string;
  /** Null when an older entry recorded only that the field changed. */
  before: string | null;
  after: string | null;
}

/** The single value that `{ from, to }` holds for these actions. */
const SINGLE_VALUE_FIELD: Record<string, string> = {
  "tenant.renamed": "name",
  "tenant.evaluation_budget_set": "monthly evaluation budget (USD)",
  "member.role_changed": "role",
};

const WORDS: Record<string, string> = { usd: "(USD)", rpm: "RPM", tpm: "TPM", url: "URL", id: "id" };

/** "rules.coding.qualityBar" -> "rules › coding › quality bar"; "monthlyBudgetUsd" -> "monthly budget (USD)". */
export function fieldLabel(path: string): string {
  return path
    .split(".")
    .map((part) =>
      part
        .replaceAll(/([a-z0-9])([A-Z])/g, "$1 $2")
        .split(/[\s_]+/)
        .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase())
        .join(" "),
    )
    .join(" › ");
}

const MAX_VALUE_CHARS = 120;

/** A value as a person reads it: numbers without float noise, lists comma-separated, long text cut. */
export function formatAuditValue(value: unknown): string {
  let out: string;
  if (value === null || value === undefined) out = "none";
  else if (typeof value === "number") out = Number.isFinite(value) ? String(Number(value.toPrecision(12))) : String(value);
  else if (typeof value === "boolean") out = value ? "on" : "off";
  else if (typeof value === "string") out = value === "" ? "empty" : value;
  else if (Array.isArray(value)) out = value.length === 0 ? "none" : value.map(formatAuditValue).join(", ");
  else out = JSON.stringify(value);
  return out.length > MAX_VALUE_CHARS ? `${out.slice(0, MAX_VALUE_CHARS - 1)}…` : out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function change(path: string, before: unknown, after: unknown): AuditChange {
  return { field: fieldLabel(path), before: formatAuditValue(before), after: formatAuditValue(after) };
}

function fromObjects(from: Record<string, unknown>, to: Record<string, unknown>): AuditChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.filter((k) => !same(from[k], to[k])).map((k) => change(k, from[k], to[k]));
}

const namesOnly = (paths: unknown[]): AuditChange[] =>
  paths.filter((p): p is string => typeof p === "string").map((p) => ({ field: fieldLabel(p), before: null, after: null }));

export function auditChanges(action: string, details: Record<string, unknown> | null): AuditChange[] {
  if (!details) return [];
  const { changes, from, to, changed, fields } = details;
  if (Array.isArray(changes)) {
    return changes.filter(isRecord).filter((c) => typeof c.path === "string").map((c) => change(c.path as string, c.before, c.after));
  }
  if (action.startsWith("alert.") && typeof from === "string") return [change("status", from, action.slice("alert.".length))];
  if (isRecord(from) && isRecord(to)) return fromObjects(from, to);
  const single = SINGLE_VALUE_FIELD[action];
  if (single && "to" in details && !same(from, to)) return [{ field: single, before: formatAuditValue(from), after: formatAuditValue(to) }];
  if (isRecord(changed)) {
    return Object.entries(changed).filter(([, v]) => isRecord(v)).map(([k, v]) => change(k, (v as Record<string, unknown>).from, (v as Record<string, unknown>).to));
  }
  if (Array.isArray(changed)) return namesOnly(changed);
  if (Array.isArray(fields)) return namesOnly(fields);
  return [];
}

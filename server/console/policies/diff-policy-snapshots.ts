// What changed between two stored policy snapshots, as flat paths ("rules.coding.qualityBar"),
// so a version list can say "quality bar for coding 74 -> 78" without a diff library.
export interface SnapshotChange {
  path: string;
  before: unknown;
  after: unknown;
}

// The version number and id change on every save and say nothing about the policy itself.
const IGNORED = new Set(["version", "id"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walk(before: unknown, after: unknown, path: string, out: SnapshotChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      if (!path && IGNORED.has(key)) continue;
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) out.push({ path, before: before ?? null, after: after ?? null });
}

export function diffPolicySnapshots(before: unknown, after: unknown): SnapshotChange[] {
  const out: SnapshotChange[] = [];
  walk(before, after, "", out);
  return out;
}

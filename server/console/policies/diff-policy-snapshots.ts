// What changed between two stored policy snapshots, as flat paths ("rules.coding.qualityBar"),
// so a version list can say "quality bar for coding 74 -> 78" without a diff library.
export interface SnapshotChange {
  path: string;
  before: unknown;
  after: unknown;
}

// The version number and id change on every save and say nothing about the policy itself.
const IGNORED = new Set(["version", "id"]);

// Rule fields added after versions were first stored, with the value an older snapshot meant by
// leaving them out: the first save after the upgrade must not list them as changes on every rule.
const RULE_DEFAULTS: Record<string, unknown> = { evaluationShare: 0, judgeModel: null };

const RULE_FIELD = /^rules\.[^.]+\.([^.]+)$/;

function orDefault(value: unknown, path: string): unknown {
  const field = RULE_FIELD.exec(path)?.[1];
  return value === undefined && field !== undefined && field in RULE_DEFAULTS ? RULE_DEFAULTS[field] : value;
}

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
  const [b, a] = [orDefault(before, path) ?? null, orDefault(after, path) ?? null];
  if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ path, before: b, after: a });
}

export function diffPolicySnapshots(before: unknown, after: unknown): SnapshotChange[] {
  const out: SnapshotChange[] = [];
  walk(before, after, "", out);
  return out;
}

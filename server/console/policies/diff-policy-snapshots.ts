// What changed between two stored policy snapshots, so a version list can say "quality bar for
// coding 74 -> 78" and the audit log can show the diff against the previous version.
import { changedFields, type FieldChange } from "../changed-fields";

export type SnapshotChange = FieldChange;

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

export function diffPolicySnapshots(before: unknown, after: unknown): SnapshotChange[] {
  return changedFields(before, after, { skip: (path) => IGNORED.has(path), normalise: orDefault });
}

// What changed between two plain records, as flat paths ("rules.coding.qualityBar") with the
// value before and after: policy versions and audit entries list changes this way, without a
// diff library.
import { isRecord } from "../is-record";

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface ChangedFieldsOptions {
  /** Paths that change on every save and say nothing (a version number). */
  skip?: (path: string) => boolean;
  /** The value a missing or older field stands for, so that it is not listed as a change. */
  normalise?: (value: unknown, path: string) => unknown;
}

function walk(before: unknown, after: unknown, path: string, options: ChangedFieldsOptions, out: FieldChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const child = path ? `${path}.${key}` : key;
      if (!options.skip?.(child)) walk(before[key], after[key], child, options, out);
    }
    return;
  }
  const normalise = options.normalise ?? ((value: unknown) => value);
  const [b, a] = [normalise(before, path) ?? null, normalise(after, path) ?? null];
  if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ path, before: b, after: a });
}

export function changedFields(before: unknown, after: unknown, options: ChangedFieldsOptions = {}): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, "", options, out);
  return out;
}

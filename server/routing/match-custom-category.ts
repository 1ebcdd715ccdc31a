import type { CustomCategoryRule } from "./types";

export interface CustomMatch {
  name: string;
  matchedBy: string;
}

const WORD = /[\p{L}\p{N}_]/u;
/** Whole-word, case-insensitive containment (`lowerText` is already lower case). */
function hasWord(lowerText: string, keyword: string): boolean {
  const kw = keyword.toLowerCase();
  let i = lowerText.indexOf(kw);
  while (i >= 0) {
    const before = i === 0 || !WORD.test(lowerText[i - 1]!);
    const end = i + kw.length;
    const after = end >= lowerText.length || !WORD.test(lowerText[end]!);
    if (before && after) return true;
    i = lowerText.indexOf(kw, i + 1);
  }
  return false;
}

/**
 * Tenant rule categories, evaluated in order before the classifier. A rule matches when every
 * criterion it sets holds: all `metadata` pairs equal the request's metadata, and (when keywords
 * are set) at least one keyword (case-insensitive, whole word) occurs in the text. A rule with no
 * criteria never matches. Linear in the text for every rule: tenants write these, and they run
 * on the shared routing path (a tenant's regular expression could backtrack for seconds).
 */
export function matchCustomCategory(
  rules: readonly CustomCategoryRule[],
  text: string,
  metadata: Record<string, string> | undefined,
): CustomMatch | null {
  let lower: string | null = null; // lower-cased only when a rule has keywords
  for (const rule of rules) {
    const reasons: string[] = [];
    const hasMeta = rule.metadata && Object.keys(rule.metadata).length > 0;
    const hasText = rule.keywords !== undefined && rule.keywords.length > 0;
    if (!hasMeta && !hasText) continue;
    if (hasMeta) {
      const ok = Object.entries(rule.metadata!).every(([k, v]) => metadata?.[k] === v);
      if (!ok) continue;
      reasons.push(`metadata ${Object.entries(rule.metadata!).map(([k, v]) => `${k}=${v}`).join(",")}`);
    }
    if (hasText) {
      let hit: string | null = null;
      for (const kw of rule.keywords ?? []) {
        if (kw.trim() === "") continue;
        lower ??= text.toLowerCase();
        if (hasWord(lower, kw.trim())) {
          hit = `keyword "${kw.trim()}"`;
          break;
        }
      }
      if (!hit) continue;
      reasons.push(hit);
    }
    return { name: rule.name, matchedBy: reasons.join(" and ") };
  }
  return null;
}

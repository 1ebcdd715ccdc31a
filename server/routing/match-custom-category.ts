import type { CustomCategoryRule } from "./types";

export interface CustomMatch {
  name: string;
  matchedBy: string;
}

const regexCache = new Map<string, RegExp | null>();
function compile(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(pattern, "i");
    } catch {
      re = null;
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return regexCache.get(pattern)!;
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
 * and/or a regex are set) at least one keyword (case-insensitive, whole word) or the regex matches
 * the text. A rule with no criteria never matches; an invalid regex never matches.
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
    const hasText = (rule.keywords && rule.keywords.length > 0) || (rule.regex !== undefined && rule.regex !== "");
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
      if (!hit && rule.regex) {
        const re = compile(rule.regex);
        if (re && re.test(text)) hit = `regex /${rule.regex}/`;
      }
      if (!hit) continue;
      reasons.push(hit);
    }
    return { name: rule.name, matchedBy: reasons.join(" and ") };
  }
  return null;
}

// A request's stored routing explanation read into what the decision view shows, and the
// number formats it uses. Rows written by older versions lack some fields: each one is read on
// its own and missing ones come back null, never as a made-up value.
export type CandidateStatus = "chosen" | "fallback" | "skipped";

export interface DecisionCandidate {
  model: string;
  status: CandidateStatus;
  reason: string;
  expectedCostUsd: number | null;
  quality: number | null;
  requiredQuality: number | null;
}

export interface Decision {
  summary: string | null;
  category: string | null;
  categorySource: string | null;
  categoryDetail: string | null;
  confidence: number | null;
  classifierCategory: string | null;
  classifierConfidence: number | null;
  difficulty: number | null;
  estimatedCostUsd: number | null;
  candidates: DecisionCandidate[];
  /** Catalog models the rule's allowed list excluded: counted, not among the candidates. */
  modelsNotAllowed: number;
  /** The models in the order the gateway would try them. */
  plan: string[];
  notes: string[];
  error: string | null;
  /** The model the request named itself, when it did not ask for routing. */
  direct: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
const STATUSES = new Set<string>(["chosen", "fallback", "skipped"]);

export function readExplanation(explanation: unknown): Decision | null {
  if (!isObject(explanation)) return null;
  const e = explanation;
  const candidates = (Array.isArray(e.candidates) ? e.candidates : []).filter(isObject).flatMap((c): DecisionCandidate[] => {
    const model = str(c.modelId);
    const status = str(c.status);
    if (!model || !status || !STATUSES.has(status)) return [];
    return [{ model, status: status as CandidateStatus, reason: str(c.reason) ?? "", expectedCostUsd: num(c.expectedCostUsd), quality: num(c.quality), requiredQuality: num(c.requiredQuality) }];
  });
  return {
    summary: str(e.summary),
    category: str(e.category),
    categorySource: str(e.categorySource),
    categoryDetail: str(e.categoryDetail),
    confidence: num(e.confidence),
    classifierCategory: str(e.classifierCategory),
    classifierConfidence: num(e.classifierConfidence),
    difficulty: num(e.difficulty),
    estimatedCostUsd: isObject(e.estimate) ? num(e.estimate.costUsd) : null,
    candidates: orderCandidates(candidates, strings(e.plan)),
    modelsNotAllowed: num(e.modelsNotAllowed) ?? 0,
    plan: strings(e.plan),
    notes: strings(e.notes),
    error: isObject(e.error) ? str(e.error.message) : null,
    direct: str(e.direct),
  };
}

/** The line under a candidate list for the catalog models the rule does not allow (shown when there are any). */
export function describeModelsNotAllowed(count: number): string {
  return `${count} other catalog model${count === 1 ? " is" : "s are"} not in the rule's allowed models.`;
}

/** The plan's models first, in the order tried, then the skipped ones by name. */
function orderCandidates(candidates: DecisionCandidate[], plan: string[]): DecisionCandidate[] {
  const rank = (c: DecisionCandidate) => {
    if (c.status === "chosen") return -1;
    const i = plan.indexOf(c.model);
    return i === -1 ? plan.length + (c.status === "skipped" ? 1 : 0) : i;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.model.localeCompare(b.model));
}

/** Dollars without float noise: cents above $1, else three significant digits ($0.0151, $0.000123). */
export function formatCost(usd: number | null, unknown = "unpriced"): string {
  if (usd === null) return unknown;
  if (usd === 0) return "$0";
  if (Math.abs(usd) >= 1) return `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `$${usd.toLocaleString("en-US", { maximumSignificantDigits: 3 })}`;
}

/** A share (0-1) as a whole percentage. */
export function formatShare(share: number | null, unknown = "—"): string {
  return share === null ? unknown : `${Math.round(share * 100)}%`;
}

/** Quality points (0-100) with at most one decimal. */
export function formatQuality(points: number | null, unknown = "—"): string {
  return points === null ? unknown : points.toLocaleString("en-US", { maximumFractionDigits: 1 });
}

const SOURCES: Record<string, string> = {
  forced: "forced by the caller's header",
  rule: "matched a custom rule",
  classifier: "classifier",
  learned: "learned from corrections",
  default: "policy default (classifier unsure)",
};

/** How the category was decided, in words. */
export function describeCategorySource(source: string | null): string | null {
  return source === null ? null : (SOURCES[source] ?? source);
}

// The policy editor keeps every typed input as text (and picked model lists as lists); these
// convert between that draft and the schema's PolicyFields, so the same zod schema validates
// in the browser and on the server.
import { DEFAULT_BODY_CAP_BYTES, type PolicyFields } from "@/server/console/schemas/policies";
import { numberOrNull, textOrNull } from "@/components/ui/format";

export interface RuleDraft {
  category: string;
  qualityBar: string;
  allowedModels: string[];
  fallbackOrder: string[];
  maxCostUsd: string;
  latencyTargetMs: string;
  /** Percent (0-100) in the editor; the schema stores a share (0-1). */
  evaluationSharePct: string;
  /** Empty = no judge. */
  judgeModel: string;
}

/** A custom category as typed: keywords and metadata as comma-separated text. */
export interface CustomCategoryDraft {
  name: string;
  /** "refund, order status" */
  keywords: string;
  /** "team=support, tier=gold" */
  metadata: string;
}

export interface PolicyDraft {
  name: string;
  description: string;
  baselineModelSlug: string;
  defaultCategory: string;
  confidenceThreshold: string;
  difficultyBarRaise: string;
  cacheTtlSeconds: string;
  storeBodies: boolean;
  /** The cap per stored prompt and answer, in KiB (the schema stores bytes). */
  storeBodiesKiB: string;
  rules: RuleDraft[];
  customCategories: CustomCategoryDraft[];
}

const text = (value: number | null) => (value === null ? "" : String(value));
// Rounded so that a stored 0.07 shows as 7, not 7.000000000000001.
const sharePct = (share: number) => String(Math.round(share * 100 * 1e6) / 1e6);

export const EMPTY_CUSTOM_CATEGORY: CustomCategoryDraft = { name: "", keywords: "", metadata: "" };

const commaList = (text: string) => text.split(",").map((item) => item.trim()).filter(Boolean);

/** "key=value" pairs; a pair without "=" keeps an empty value, which the schema refuses under the field. */
export function metadataPairs(text: string): Record<string, string> {
  return Object.fromEntries(commaList(text).map((pair) => {
    const at = pair.indexOf("=");
    return at < 0 ? [pair, ""] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  }));
}

export const EMPTY_RULE: RuleDraft = { category: "", qualityBar: "50", allowedModels: [], fallbackOrder: [], maxCostUsd: "", latencyTargetMs: "", evaluationSharePct: "0", judgeModel: "" };

export function toDraft(fields: PolicyFields): PolicyDraft {
  return {
    name: fields.name,
    description: fields.description ?? "",
    baselineModelSlug: fields.baselineModelSlug,
    defaultCategory: fields.defaultCategory,
    confidenceThreshold: String(fields.confidenceThreshold),
    difficultyBarRaise: String(fields.difficultyBarRaise),
    cacheTtlSeconds: text(fields.cacheTtlSeconds),
    storeBodies: fields.storeBodiesMaxBytes != null,
    storeBodiesKiB: String((fields.storeBodiesMaxBytes ?? DEFAULT_BODY_CAP_BYTES) / 1024),
    rules: fields.rules.map((r) => ({
      category: r.category,
      qualityBar: String(r.qualityBar),
      allowedModels: [...r.allowedModels],
      fallbackOrder: [...r.fallbackOrder],
      maxCostUsd: text(r.maxCostUsd),
      latencyTargetMs: text(r.latencyTargetMs),
      evaluationSharePct: sharePct(r.evaluationShare),
      judgeModel: r.judgeModel ?? "",
    })),
    customCategories: fields.customCategories.map((c) => ({
      name: c.name,
      keywords: c.keywords.join(", "),
      metadata: Object.entries(c.metadata).map(([key, value]) => `${key}=${value}`).join(", "),
    })),
  };
}

export function fromDraft(draft: PolicyDraft): unknown {
  return {
    name: draft.name,
    description: textOrNull(draft.description),
    baselineModelSlug: draft.baselineModelSlug,
    defaultCategory: draft.defaultCategory,
    confidenceThreshold: Number(draft.confidenceThreshold),
    difficultyBarRaise: Number(draft.difficultyBarRaise),
    cacheTtlSeconds: numberOrNull(draft.cacheTtlSeconds),
    storeBodiesMaxBytes: draft.storeBodies ? Number(draft.storeBodiesKiB) * 1024 : null,
    rules: draft.rules.map((r) => ({
      category: r.category.trim(),
      qualityBar: Number(r.qualityBar),
      allowedModels: r.allowedModels,
      fallbackOrder: r.fallbackOrder,
      maxCostUsd: numberOrNull(r.maxCostUsd),
      latencyTargetMs: numberOrNull(r.latencyTargetMs),
      // Blank means no evaluations; anything else is checked by the schema (0-1 after the division).
      evaluationShare: r.evaluationSharePct.trim() === "" ? 0 : Number(r.evaluationSharePct) / 100,
      judgeModel: textOrNull(r.judgeModel),
    })),
    customCategories: draft.customCategories.map((c) => ({ name: c.name.trim(), keywords: commaList(c.keywords), metadata: metadataPairs(c.metadata) })),
  };
}

export const NEW_POLICY_DRAFT: PolicyDraft = {
  name: "",
  description: "",
  baselineModelSlug: "",
  defaultCategory: "general",
  confidenceThreshold: "0.5",
  difficultyBarRaise: "10",
  cacheTtlSeconds: "",
  storeBodies: false,
  storeBodiesKiB: String(DEFAULT_BODY_CAP_BYTES / 1024),
  rules: ["coding", "math", "science", "computer_use", "general"].map((category) => ({ ...EMPTY_RULE, category })),
  customCategories: [],
};

// POST /v1/feedback: a quality score in [0, 1] and/or the category the request should have had,
// for one of the key's tenant's requests. One score record per request and key (sending it again
// updates it), limited by the key's requests per minute like its model requests. Another tenant's
// request id is as unknown as one that never existed. Both become learning events that the
// learning job folds later; nothing learned changes on this path.
import { z } from "zod";
import { categoryNameSchema } from "../console/schemas/common";
import { getDb, type Db } from "../db/client";
import { recordFeedback } from "../learning/record-feedback";
import { BUILTIN_CATEGORIES } from "../routing/types";
import { ruleOf } from "../routing/rule-of";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../db/storable-text";
import { admitUnbilledRequest } from "./admit-request";
import { authenticateKey } from "./authenticate-key";
import { tenantConfig } from "./config-cache";
import { callerFormatOf } from "./endpoints";
import { describeValidationError } from "./formats/describe-validation-error";
import { badRequest, GatewayError } from "./gateway-error";
import { answerInFormat } from "./gateway-response";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "./gateway-request";
import type { TenantConfig } from "./load-tenant-config";
import { readJsonBody } from "./read-json-body";
import { looksLikeRequestId, wasIssuedTo } from "./request-id";

const feedbackBody = z
  .object({
    request_id: z.string().min(1).max(100),
    score: z.number().min(0).max(1).optional(),
    // Stored as is: what PostgreSQL refuses is a 400 here, not a database error.
    comment: z.string().max(4000).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional(),
    category: categoryNameSchema.optional(),
  })
  .refine((b) => b.score !== undefined || b.category !== undefined, { message: "Send a score, a category or both" })
  .refine((b) => b.comment === undefined || b.score !== undefined, { path: ["comment"], message: "A comment goes with a score" });

/** Categories a correction may name: the built-in ones and those of any of the tenant's policies. */
function knownCategory(config: TenantConfig, category: string): boolean {
  if ((BUILTIN_CATEGORIES as readonly string[]).includes(category)) return true;
  for (const policy of config.policiesById.values()) {
    if (ruleOf(policy, category)) return true;
    if (policy.customCategories.some((c) => c.name === category)) return true;
  }
  return false;
}

/**
 * The id was issued to this tenant: its signature says so at once, even before its log row is
 * written; ids issued before ids were signed are looked up in the request log.
 */
async function isTenantRequest(db: Db, requestId: string, tenantId: string): Promise<boolean> {
  if (wasIssuedTo(requestId, tenantId)) return true;
  return looksLikeRequestId(requestId) && (await db.requestLog.count({ where: { id: requestId, tenantId } })) > 0;
}

export function handleFeedback(request: GatewayRequest): Promise<GatewayResponse> {
  return answerInFormat(callerFormatOf(request.headers), async () => {
    const db = getDb();
    const key = await authenticateKey(db, request.headers, new Date(), "feedback");
    await admitUnbilledRequest(key);
    const parsed = feedbackBody.safeParse(await readJsonBody(request));
    if (!parsed.success) throw badRequest(describeValidationError(parsed.error).message);
    const { request_id: requestId, score, comment = null, category } = parsed.data;
    if (category !== undefined && !knownCategory(await tenantConfig(db, key.tenantId), category)) {
      throw badRequest(`category: "${category}" is neither a built-in category nor one of your policies' categories`);
    }
    if (!(await isTenantRequest(db, requestId, key.tenantId))) {
      throw new GatewayError(404, "No request with this request_id was made with a key of your organisation", {}, "request_not_found");
    }
    const feedback = await recordFeedback(db, { tenantId: key.tenantId, requestId, apiKeyId: key.id, score, comment, category });
    return jsonResponse(
      {
        id: feedback?.id ?? null,
        request_id: requestId,
        score: feedback?.score ?? null,
        comment: feedback?.comment ?? null,
        category: category ?? null,
      },
      { status: 201 },
    );
  });
}

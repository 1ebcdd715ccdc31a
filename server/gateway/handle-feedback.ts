// POST /v1/feedback: a quality score in [0, 1] for one of the key's tenant's requests. One record
// per request and key (sending it again updates it), limited by the key's requests per minute
// like its model requests. Another tenant's request id is as unknown as one that never existed.
import { z } from "zod";
import { getDb, type Db } from "../db/client";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../db/storable-text";
import { admitUnbilledRequest } from "./admit-request";
import { authenticateKey } from "./authenticate-key";
import { callerFormatOf } from "./endpoints";
import { describeValidationError } from "./formats/describe-validation-error";
import { badRequest, GatewayError } from "./gateway-error";
import { answerInFormat } from "./gateway-response";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "./gateway-request";
import { readJsonBody } from "./read-json-body";
import { looksLikeRequestId, wasIssuedTo } from "./request-id";

const feedbackBody = z.object({
  request_id: z.string().min(1).max(100),
  score: z.number().min(0).max(1),
  // Stored as is: what PostgreSQL refuses is a 400 here, not a database error.
  comment: z.string().max(4000).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional(),
});

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
    const { request_id: requestId, score, comment = null } = parsed.data;
    if (!(await isTenantRequest(db, requestId, key.tenantId))) {
      throw new GatewayError(404, "No request with this request_id was made with a key of your organisation", {}, "request_not_found");
    }
    const feedback = await db.feedback.upsert({
      where: { tenantId_requestId_apiKeyId: { tenantId: key.tenantId, requestId, apiKeyId: key.id } },
      create: { tenantId: key.tenantId, apiKeyId: key.id, requestId, score, comment },
      update: { score, comment },
    });
    return jsonResponse({ id: feedback.id, request_id: feedback.requestId, score: feedback.score, comment: feedback.comment }, { status: 201 });
  });
}

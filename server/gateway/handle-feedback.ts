// POST /v1/feedback: a quality score in [0, 1] for one of the key's tenant's requests.
import { z } from "zod";
import { getDb } from "../db/client";
import { authenticateKey } from "./authenticate-key";
import { callerFormatOf } from "./endpoints";
import { describeValidationError } from "./formats/describe-validation-error";
import { badRequest } from "./gateway-error";
import { answerInFormat } from "./gateway-response";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "./gateway-request";
import { readJsonBody } from "./read-json-body";

const feedbackBody = z.object({
  request_id: z.string().min(1).max(100),
  score: z.number().min(0).max(1),
  comment: z.string().max(4000).optional(),
});

export function handleFeedback(request: GatewayRequest): Promise<GatewayResponse> {
  return answerInFormat(callerFormatOf(request.headers), async () => {
    const db = getDb();
    const key = await authenticateKey(db, request.headers, new Date(), "feedback");
    const parsed = feedbackBody.safeParse(await readJsonBody(request));
    if (!parsed.success) throw badRequest(describeValidationError(parsed.error).message);
    const feedback = await db.feedback.create({
      data: { tenantId: key.tenantId, apiKeyId: key.id, requestId: parsed.data.request_id, score: parsed.data.score, comment: parsed.data.comment },
    });
    return jsonResponse({ id: feedback.id, request_id: feedback.requestId, score: feedback.score }, { status: 201 });
  });
}

// Reads a request body with a size cap, so an oversized upload is refused with 413 before it
// is buffered whole, and parses it as JSON (400 when it is not, or when it holds more values
// or nests deeper than json-body-reader.ts allows).
import { env } from "../env";
import { badRequest, tooLarge } from "./gateway-error";
import type { GatewayRequest } from "./gateway-request";
import { LARGE_REQUEST_CHARS, yieldIfLarge } from "./yield-to-event-loop";

export const MAX_BODY_BYTES = env.SWITCHYARD_MAX_BODY_BYTES;

function parseJson(text: string): unknown {
  if (!text.trim()) throw badRequest("Request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("Request body is not valid JSON");
  }
}

export async function readJsonBody(request: GatewayRequest): Promise<unknown> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
  const body = await request.body();
  if ("tooLarge" in body) throw tooLarge(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
  if ("tooComplex" in body) throw badRequest(body.tooComplex);
  const value = parseJson(body.text);
  await yieldIfLarge(body.text.length >= LARGE_REQUEST_CHARS);
  return value;
}

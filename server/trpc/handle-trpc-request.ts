// The console API's HTTP handler, mounted by app/api/trpc/[trpc]/route.ts. Bodies are read
// through the gateway's JSON body reader with the console's own cap: console inputs are small,
// and the fetch adapter would otherwise buffer any body whole, from anyone, before a session
// is checked.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { readJsonStream } from "../gateway/json-body-reader";
import { CONSOLE_MAX_BATCH_CALLS } from "./batch-limit";
import { createFetchContext } from "./context";
import { appRouter } from "./root";

/** Largest console API request body (a policy with every rule filled in is a few kilobytes). */
export const CONSOLE_MAX_BODY_BYTES = 1024 * 1024;

/**
 * tRPC's own error shape (serialised by superjson, the router's transformer), so the console
 * client reports the refusal like any other error.
 */
function refusal(status: 400 | 413, code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE", message: string): Response {
  return Response.json({ error: { json: { message, code: -32600, data: { code, httpStatus: status } } } }, { status });
}

async function readBody(req: Request): Promise<{ text: string } | Response> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > CONSOLE_MAX_BODY_BYTES) return refusal(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${CONSOLE_MAX_BODY_BYTES} bytes`);
  const body = await readJsonStream(req.body, CONSOLE_MAX_BODY_BYTES);
  if ("tooLarge" in body) return refusal(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${CONSOLE_MAX_BODY_BYTES} bytes`);
  if ("tooComplex" in body) return refusal(400, "BAD_REQUEST", body.tooComplex);
  return body;
}

export async function handleTrpcRequest(req: Request): Promise<Response> {
  let request = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = await readBody(req);
    if (body instanceof Response) return body;
    request = new Request(req, { body: body.text });
  }
  return fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: createFetchContext, maxBatchSize: CONSOLE_MAX_BATCH_CALLS });
}

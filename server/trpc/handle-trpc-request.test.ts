// The console API refuses oversized and over-complex bodies before tRPC reads them, in tRPC's
// error shape, and passes ordinary bodies on unchanged (the procedure then answers for itself).
import { describe, expect, it } from "vitest";
import { MAX_JSON_VALUES } from "../gateway/json-body-reader";
import { CONSOLE_MAX_BATCH_CALLS } from "./batch-limit";
import { CONSOLE_MAX_BODY_BYTES, handleTrpcRequest } from "./handle-trpc-request";

const post = (body: BodyInit, headers: Record<string, string> = {}, procedure = "account.signUp") =>
  handleTrpcRequest(new Request(`http://localhost/api/trpc/${procedure}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit));

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(65_536, bytes - sent)).fill(32);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describe("console API body limit", () => {
  it("refuses a body over the cap with 413, by its declared length or as it streams", async () => {
    const declared = await post("{}", { "content-length": String(CONSOLE_MAX_BODY_BYTES + 1) });
    expect(declared.status).toBe(413);
    const streamed = await post(streamOf(CONSOLE_MAX_BODY_BYTES + 10));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { json: { data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } } });
  });

  it("refuses a body with more JSON values than the cap with 400", async () => {
    const res = await post(JSON.stringify(Array.from({ length: MAX_JSON_VALUES + 1 }, () => 0)));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { json: { message: expect.stringContaining("JSON values"), data: { code: "BAD_REQUEST" } } } });
  });

  it("hands an ordinary body to tRPC", async () => {
    // tRPC itself answers for a procedure it does not have.
    const res = await post(JSON.stringify({ email: "a@b.test" }), {}, "account.noSuchProcedure");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { json: { data: { code: "NOT_FOUND" } } } });
  });
});

describe("console API batch limit", () => {
  const batchOf = (calls: number) =>
    handleTrpcRequest(new Request(`http://localhost/api/trpc/${Array.from({ length: calls }, () => "account.noSuchProcedure").join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`));

  it("refuses a batch of more calls than the cap with 400", async () => {
    const res = await batchOf(CONSOLE_MAX_BATCH_CALLS + 1);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("Batch call exceeds maximum size");
  });

  it("runs a batch at the cap (each call answers for itself)", async () => {
    const res = await batchOf(CONSOLE_MAX_BATCH_CALLS);
    const answers = (await res.json()) as Array<{ error?: { json?: { data?: { code?: string } } } }>;
    expect(answers).toHaveLength(CONSOLE_MAX_BATCH_CALLS);
    expect(answers.every((a) => a.error?.json?.data?.code === "NOT_FOUND")).toBe(true);
  });
});

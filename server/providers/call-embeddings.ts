// One embeddings call through an adapter, under the same deadlines and outbound address guard
// as a chat call (call-provider.ts): the answer is one JSON body, never a stream.
import type { CallProviderOptions } from "./call-provider";
import { createDeadline } from "./deadline";
import type { EmbeddingRequest, EmbeddingResult, EmbeddingsAdapter } from "./embeddings";
import type { ProviderAdapter, ProviderTarget } from "./types";
import { UpstreamError } from "./upstream-error";
import { sendUpstreamRequest } from "./upstream-http";

export async function callEmbeddings(
  adapter: ProviderAdapter,
  embeddings: EmbeddingsAdapter,
  req: EmbeddingRequest,
  target: ProviderTarget,
  options: CallProviderOptions = {},
): Promise<EmbeddingResult> {
  const timeouts = options.timeouts ?? {};
  const deadline = createDeadline(adapter.id, options.signal, timeouts.totalMs);
  try {
    if (embeddings.invoke) {
      deadline.arm(timeouts.firstByteMs, "response");
      return await embeddings.invoke(req, target, { signal: deadline.signal });
    }
    const { url, init } = embeddings.buildRequest(req, target);
    deadline.arm(timeouts.connectMs, "response headers");
    // Always through upstream-http.ts, whose agents refuse non-public addresses.
    const response = await sendUpstreamRequest(url, init, deadline.scope, options.maxAnswerBytes);
    deadline.arm(timeouts.firstByteMs, "response body");
    if (!response.ok) throw adapter.mapError(response.status, await response.text().catch(() => ""), response.headers);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UpstreamError({ status: response.status, kind: "unknown", message: `${adapter.id}: response is not JSON`, provider: adapter.id });
    }
    return embeddings.parseResponse(json, req);
  } catch (error) {
    throw deadline.toFailure(error, "connection");
  } finally {
    deadline.dispose();
  }
}

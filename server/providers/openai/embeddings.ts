// POST {base}/embeddings, for OpenAI and the OpenAI-compatible servers. Vectors are asked for
// as floats: the gateway encodes base64 itself, so every provider's answer is handled alike.
import { checkedVectors, type EmbeddingsAdapter } from "../embeddings";

type OpenAIEmbeddingsBody = { data?: Array<{ index?: number; embedding?: unknown }>; usage?: { prompt_tokens?: number } };

export function createOpenAIEmbeddings(provider: string): EmbeddingsAdapter {
  return {
    buildRequest: (req, target) => ({
      url: `${target.baseUrl.replace(/\/+$/, "")}/embeddings`,
      init: {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${target.apiKey}`, accept: "application/json" },
        body: JSON.stringify({ model: target.providerModelId, input: req.inputs, encoding_format: "float", dimensions: req.dimensions, user: req.user }),
      },
    }),
    parseResponse: (json, req) => {
      const body = (json ?? {}) as OpenAIEmbeddingsBody;
      const data = Array.isArray(body.data) ? [...body.data] : [];
      // OpenAI answers in input order, with an index each; servers that reorder are put back.
      data.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      const tokens = body.usage?.prompt_tokens;
      return {
        vectors: checkedVectors(provider, data.map((d) => d.embedding), req.inputs.length),
        inputTokens: typeof tokens === "number" && Number.isFinite(tokens) && tokens >= 0 ? tokens : null,
      };
    },
  };
}

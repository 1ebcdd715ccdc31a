// Gemini's embedContent (one input) and batchEmbedContents (several), with
// outputDimensionality for `dimensions`. Gemini reports no token counts.
import { checkedVectors, type EmbeddingRequest, type EmbeddingsAdapter } from "../embeddings";
import type { ProviderTarget } from "../types";

type GeminiValues = { values?: unknown };
type GeminiEmbeddingsBody = { embedding?: GeminiValues; embeddings?: GeminiValues[] };

function contentOf(text: string, req: EmbeddingRequest) {
  return { content: { parts: [{ text }] }, ...(req.dimensions === undefined ? {} : { outputDimensionality: req.dimensions }) };
}

function bodyOf(req: EmbeddingRequest, target: ProviderTarget) {
  if (req.inputs.length === 1) return contentOf(req.inputs[0]!, req);
  const model = `models/${target.providerModelId}`;
  return { requests: req.inputs.map((text) => ({ model, ...contentOf(text, req) })) };
}

export const geminiEmbeddings: EmbeddingsAdapter = {
  buildRequest: (req, target) => {
    const method = req.inputs.length === 1 ? "embedContent" : "batchEmbedContents";
    return {
      url: `${target.baseUrl.replace(/\/+$/, "")}/models/${encodeURIComponent(target.providerModelId)}:${method}`,
      init: { method: "POST", headers: { "content-type": "application/json", "x-goog-api-key": target.apiKey }, body: JSON.stringify(bodyOf(req, target)) },
    };
  },
  parseResponse: (json, req) => {
    const body = (json ?? {}) as GeminiEmbeddingsBody;
    const answers = body.embeddings ?? (body.embedding ? [body.embedding] : []);
    return { vectors: checkedVectors("google", Array.isArray(answers) ? answers.map((e) => e?.values) : [], req.inputs.length), inputTokens: null };
  },
};

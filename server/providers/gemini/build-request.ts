import { parseJsonObject } from "../parse-json-object";
import type { ChatMessage, ChatRequest, ProviderTarget, UpstreamRequest } from "../types";
import { hasReferences, toGeminiSchema } from "./convert-schema";

type WirePart = Record<string, unknown>;
type WireContent = { role: "user" | "model"; parts: WirePart[] };

function guessMimeType(url: string): string {
  const ext = url.split("?")[0]?.split(".").pop()?.toLowerCase();
  const known: Record<string, string> = { png: "image/png", gif: "image/gif", webp: "image/webp" };
  return known[ext ?? ""] ?? "image/jpeg";
}

function toParts(message: ChatMessage, toolNames: Map<string, string>): WirePart[] {
  return message.content.map((part): WirePart => {
    switch (part.type) {
      case "text":
        return { text: part.text };
      case "image":
        return part.source.kind === "url"
          ? { fileData: { mimeType: guessMimeType(part.source.url), fileUri: part.source.url } }
          : { inlineData: { mimeType: part.source.mediaType, data: part.source.data } };
      case "tool_call":
        toolNames.set(part.id, part.name);
        return { functionCall: { name: part.name, args: parseJsonObject(part.arguments) ?? {} } };
      case "tool_result":
        // Gemini matches responses by function name, which only the earlier call carries.
        return {
          functionResponse: { name: toolNames.get(part.toolCallId) ?? part.toolCallId, response: parseJsonObject(part.content) ?? { result: part.content } },
        };
    }
  });
}

function toContents(messages: ChatMessage[]): WireContent[] {
  const toolNames = new Map<string, string>();
  const contents: WireContent[] = [];
  for (const message of messages) {
    const role = message.role === "assistant" ? "model" : "user";
    const parts = toParts(message, toolNames);
    const last = contents[contents.length - 1];
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  }
  return contents;
}

function toToolConfig(choice: NonNullable<ChatRequest["toolChoice"]>) {
  if (typeof choice === "object") return { functionCallingConfig: { mode: "ANY", allowedFunctionNames: [choice.name] } };
  const mode = { auto: "AUTO", none: "NONE", required: "ANY" }[choice];
  return { functionCallingConfig: { mode } };
}

function toGenerationConfig(req: ChatRequest): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (req.maxTokens !== undefined) config.maxOutputTokens = req.maxTokens;
  if (req.temperature !== undefined) config.temperature = req.temperature;
  if (req.topP !== undefined) config.topP = req.topP;
  if (req.stop?.length) config.stopSequences = req.stop;
  const format = req.responseFormat;
  if (format?.type === "json_object" || format?.type === "json_schema") config.responseMimeType = "application/json";
  // The OpenAPI subset (responseSchema) is understood by every Gemini model; a schema with
  // references goes as JSON Schema (responseJsonSchema), which newer models accept as it is.
  if (format?.type === "json_schema") {
    if (hasReferences(format.schema)) config.responseJsonSchema = format.schema;
    else config.responseSchema = toGeminiSchema(format.schema);
  }
  return config;
}

export function buildGeminiBody(req: ChatRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { contents: toContents(req.messages) };
  if (req.system) body.systemInstruction = { parts: [{ text: req.system }] };
  if (req.tools?.length) {
    body.tools = [
      {
        functionDeclarations: req.tools.map((t) => ({
          name: t.name,
          ...(t.description ? { description: t.description } : {}),
          parameters: toGeminiSchema(t.parameters),
        })),
      },
    ];
    if (req.toolChoice !== undefined) body.toolConfig = toToolConfig(req.toolChoice);
  }
  const generationConfig = toGenerationConfig(req);
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  return body;
}

export function buildGeminiRequest(req: ChatRequest, target: ProviderTarget): UpstreamRequest {
  const base = target.baseUrl.replace(/\/+$/, "");
  const model = encodeURIComponent(target.providerModelId);
  const url = target.stream
    ? `${base}/models/${model}:streamGenerateContent?alt=sse`
    : `${base}/models/${model}:generateContent`;
  return {
    url,
    init: {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": target.apiKey },
      body: JSON.stringify(buildGeminiBody(req)),
    },
  };
}

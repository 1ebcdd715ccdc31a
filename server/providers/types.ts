import type { EmbeddingsAdapter } from "./embeddings";
import type { UpstreamError } from "./upstream-error";

export { UpstreamError, type UpstreamErrorKind } from "./upstream-error";

export type ProviderId = "openai" | "anthropic" | "google" | "openai-compatible" | "simulated";

/** An Anthropic prompt-cache breakpoint: the prefix up to here may be cached (ttl 5 minutes unless "1h"). Other providers cache on their own and ignore it. */
export type CacheControl = { ttl?: "5m" | "1h" };

export type TextPart = { type: "text"; text: string; cacheControl?: CacheControl };
export type ImageSource =
  | { kind: "url"; url: string }
  | { kind: "base64"; mediaType: string; data: string };
export type ImagePart = { type: "image"; source: ImageSource };
/** `arguments` stays a JSON string, as OpenAI sends it, so partial/invalid JSON is never lost. */
export type ToolCallPart = { type: "tool_call"; id: string; name: string; arguments: string };
export type ToolResultPart = {
  type: "tool_result";
  toolCallId: string;
  content: string;
  isError?: boolean;
  cacheControl?: CacheControl;
};

export type UserMessage = { role: "user"; content: Array<TextPart | ImagePart> };
export type AssistantMessage = { role: "assistant"; content: Array<TextPart | ToolCallPart> };
export type ToolMessage = { role: "tool"; content: ToolResultPart[] };
export type ChatMessage = UserMessage | AssistantMessage | ToolMessage;

export type JsonSchema = Record<string, unknown>;

export type ToolDefinition = { name: string; description?: string; parameters: JsonSchema; cacheControl?: CacheControl };
export type ToolChoice = "auto" | "none" | "required" | { name: string };

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: JsonSchema; strict?: boolean };

/** The one internal request every caller format converts into and every adapter reads. */
export type ChatRequest = {
  system?: string;
  /** A cache breakpoint at the end of the system prompt. */
  systemCacheControl?: CacheControl;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  responseFormat?: ResponseFormat;
  /** Sent to OpenAI and OpenAI-compatible models; other providers have no such setting and ignore it. */
  reasoningEffort?: ReasoningEffort;
  stream: boolean;
  user?: string;
  metadata?: Record<string, string>;
};

/** How hard a reasoning model should think, in OpenAI's terms. */
export const REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh"] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "error";

/**
 * inputTokens includes cached tokens: cachedInputTokens is the share read from the provider's
 * prompt cache, cacheWriteTokens the share written to it (Anthropic bills both differently).
 */
export type Usage = { inputTokens: number; outputTokens: number; cachedInputTokens?: number; cacheWriteTokens?: number };

export type ToolCall = { id: string; name: string; arguments: string };

export type ChatResponse = {
  id: string;
  model: string;
  content: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
  /** The provider marked the answer as a refusal (OpenAI's refusal field); its text is the content. */
  refusal?: boolean;
};

export type StreamEvent =
  | { type: "start"; id: string; model: string }
  | { type: "text"; text: string }
  | { type: "tool_call_start"; index: number; id: string; name: string }
  | { type: "tool_call_delta"; index: number; argumentsDelta: string }
  | { type: "finish"; finishReason: FinishReason }
  | { type: "usage"; usage: Usage };

export type SSEEvent = { event?: string; data: string; id?: string };

export type ProviderTarget = {
  providerModelId: string;
  baseUrl: string;
  apiKey: string;
  stream: boolean;
};

export type UpstreamRequest = {
  url: string;
  init: { method: "POST"; headers: Record<string, string>; body: string };
};

/**
 * Mutable per-stream state handed to `mapStreamEvent`: providers spread one logical
 * message over many events (tool indexes, input tokens first and output tokens last),
 * and `terminated` is how an adapter tells the caller it saw the provider's end marker.
 */
export type StreamState = {
  started: boolean;
  terminated: boolean;
  sawFinish: boolean;
  sawUsage: boolean;
  toolIndexByKey: Map<string | number, number>;
  usage: Usage;
};

export type Feature = "tools" | "images" | "json_object" | "json_schema" | "stop" | "top_p" | "streaming";

export type CallOptions = { signal?: AbortSignal };

export type ProviderAdapter = {
  id: ProviderId;
  supports: readonly Feature[];
  buildRequest(req: ChatRequest, target: ProviderTarget): UpstreamRequest;
  parseResponse(json: unknown): ChatResponse;
  /** Returns canonical events for one SSE event; throws UpstreamError for in-stream errors. */
  mapStreamEvent(sse: SSEEvent, state: StreamState): StreamEvent[];
  mapError(status: number, bodyText: string, headers: Headers): UpstreamError;
  /** In-process providers (simulated) answer here instead of over HTTP. */
  invoke?(
    req: ChatRequest,
    target: ProviderTarget,
    options: CallOptions,
  ): Promise<ChatResponse | AsyncIterable<StreamEvent>>;
  /** POST /v1/embeddings through this provider; absent = it serves no embeddings. */
  embeddings?: EmbeddingsAdapter;
};

export function createStreamState(): StreamState {
  return {
    started: false,
    terminated: false,
    sawFinish: false,
    sawUsage: false,
    toolIndexByKey: new Map(),
    usage: { inputTokens: 0, outputTokens: 0 },
  };
}

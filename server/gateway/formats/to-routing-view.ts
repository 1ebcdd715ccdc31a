import type { ChatRequest } from "@/server/providers/types";
import { countTokens } from "@/server/routing/count-tokens";
import type { RoutingView } from "./types";

/**
 * Text the classifier can read; images and tool-call plumbing carry no routing signal. The
 * plumbing is still input the model is billed for (a tool call's arguments, a tool's parameter
 * schema, the response schema can be most of a request), so its tokens go with the view for the
 * estimate that limits, budget holds, cost caps and evaluations read.
 */
export function toRoutingView(request: ChatRequest): RoutingView {
  let toolingTokens = 0;
  const view: RoutingView = {
    messages: request.messages.map((message) => ({
      role: message.role,
      content: message.content
        .flatMap((part) => {
          if (part.type === "text") return [part.text];
          if (part.type === "tool_result") return [part.content];
          if (part.type === "tool_call") toolingTokens += countTokens(part.name) + countTokens(part.arguments);
          return [];
        })
        .join("\n"),
    })),
  };
  if (request.system !== undefined) view.system = request.system;
  if (request.tools?.length) {
    view.tools = request.tools.map((t) => (t.description === undefined ? { name: t.name } : { name: t.name, description: t.description }));
    for (const t of request.tools) toolingTokens += countTokens(JSON.stringify(t.parameters));
  }
  if (request.responseFormat?.type === "json_schema") toolingTokens += countTokens(JSON.stringify(request.responseFormat.schema));
  if (toolingTokens > 0) view.toolingTokens = toolingTokens;
  return view;
}

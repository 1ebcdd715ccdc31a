import type { ChatRequest } from "@/server/providers/types";
import type { RoutingView } from "./types";

/** Text the classifier can read; images and tool-call plumbing carry no routing signal. */
export function toRoutingView(request: ChatRequest): RoutingView {
  const view: RoutingView = {
    messages: request.messages.map((message) => ({
      role: message.role,
      content: message.content
        .flatMap((part) => (part.type === "text" ? [part.text] : part.type === "tool_result" ? [part.content] : []))
        .join("\n"),
    })),
  };
  if (request.system !== undefined) view.system = request.system;
  if (request.tools?.length) {
    view.tools = request.tools.map((t) => (t.description === undefined ? { name: t.name } : { name: t.name, description: t.description }));
  }
  return view;
}

import type { ChatRequest } from "../providers/types";
import { badRequest } from "./gateway-error";
import type { ModelSelection } from "./resolve-model";

/** Whether the request asks for JSON following a schema (json_object is honoured by every model). */
export function needsStructuredOutput(request: ChatRequest): boolean {
  return request.responseFormat?.type === "json_schema";
}

/**
 * A model asked for by name is tried as it is, with no plan to leave it out of: one that cannot
 * follow a JSON schema is refused up front rather than answering with unchecked text.
 */
export function requireStructuredOutput(selection: ModelSelection, request: ChatRequest): void {
  if (selection.kind !== "direct" || selection.model.structuredOutputs !== false || !needsStructuredOutput(request)) return;
  throw badRequest(`The model '${selection.model.id}' cannot follow a JSON schema (structured outputs). Use 'auto' or a model that can`);
}

// Embedding models share the catalog with chat models but answer only POST /v1/embeddings:
// routing must never choose one for a chat request.
import { MODEL_KINDS, type CatalogModel, type ModelKind } from "./types";

export const kindOf = (model: CatalogModel): ModelKind => model.kind ?? "chat";

/** A stored kind as a ModelKind; anything unknown is a chat model, what every row was before kinds. */
export const parseModelKind = (kind: string): ModelKind => ((MODEL_KINDS as readonly string[]).includes(kind) ? (kind as ModelKind) : "chat");

export const isChatModel = (model: CatalogModel): boolean => kindOf(model) === "chat";

/** The catalog's chat models; the same array when it has no other kind (no copy per request). */
export function chatModelsOf(catalog: readonly CatalogModel[]): readonly CatalogModel[] {
  return catalog.every(isChatModel) ? catalog : catalog.filter(isChatModel);
}

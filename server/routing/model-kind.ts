// Embedding models share the catalog with chat models but answer only POST /v1/embeddings:
// routing must never choose one for a chat request.
import type { CatalogModel, ModelKind } from "./types";

export const kindOf = (model: CatalogModel): ModelKind => model.kind ?? "chat";

export const isChatModel = (model: CatalogModel): boolean => kindOf(model) === "chat";

/** The catalog's chat models; the same array when it has no other kind (no copy per request). */
export function chatModelsOf(catalog: readonly CatalogModel[]): readonly CatalogModel[] {
  return catalog.every(isChatModel) ? catalog : catalog.filter(isChatModel);
}

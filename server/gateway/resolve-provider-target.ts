// Where a catalog model is served from: the provider's API with the tenant's credential, or,
// in demo mode (no credential for that provider), the built-in simulated provider.
import type { CatalogModel } from "../routing/types";
import type { ProviderAdapter, ProviderTarget } from "../providers/types";
import { isCatalogProvider, providerRegistry, resolveProvider } from "../providers/registry";
import type { TenantConfig } from "./load-tenant-config";

export interface ResolvedTarget {
  adapter: ProviderAdapter;
  target: ProviderTarget;
  simulated: boolean;
}

export function resolveProviderTarget(model: CatalogModel, config: TenantConfig, stream: boolean): ResolvedTarget {
  const credential = config.credentials.get(model.provider);
  const customBaseUrl = config.modelBaseUrls.get(model.id);
  // A tenant-added model with its own base URL (self-hosted) is real even without a key.
  if ((!credential && !customBaseUrl) || model.provider === "simulated") {
    return {
      adapter: providerRegistry.simulated,
      target: { providerModelId: model.providerModelId, baseUrl: "simulated://local", apiKey: "", stream },
      simulated: true,
    };
  }
  const baseUrl = customBaseUrl ?? credential?.baseUrl ?? undefined;
  const provider = isCatalogProvider(model.provider) ? model.provider : "openai-compatible";
  const resolved = resolveProvider(provider, baseUrl);
  return {
    adapter: resolved.adapter,
    target: { providerModelId: model.providerModelId, baseUrl: resolved.baseUrl, apiKey: credential?.apiKey ?? "", stream },
    simulated: false,
  };
}

import { anthropicAdapter } from "./anthropic";
import { geminiAdapter } from "./gemini";
import { openaiAdapter } from "./openai";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { createSimulatedAdapter, type SimulationSettings } from "./simulated";
import type { ProviderAdapter, ProviderId } from "./types";

export const PROVIDER_IDS = ["openai", "anthropic", "google", "openai-compatible", "simulated"] as const satisfies readonly ProviderId[];

export function createProviderRegistry(simulation: Partial<SimulationSettings> = {}): Record<ProviderId, ProviderAdapter> {
  return {
    openai: openaiAdapter,
    anthropic: anthropicAdapter,
    google: geminiAdapter,
    "openai-compatible": openaiCompatibleAdapter,
    simulated: createSimulatedAdapter(simulation),
  };
}

export const providerRegistry = createProviderRegistry();

/**
 * Catalog providers (as stored on a Model) and the adapter plus default base URL each uses.
 * `openai-compatible` has no default: its base URL must come from the credential.
 */
export const CATALOG_PROVIDERS = {
  openai: { adapter: "openai", baseUrl: "https://api.openai.com/v1" },
  anthropic: { adapter: "anthropic", baseUrl: "https://api.anthropic.com" },
  google: { adapter: "google", baseUrl: "https://generativelanguage.googleapis.com/v1beta" },
  zhipu: { adapter: "openai-compatible", baseUrl: "https://open.bigmodel.cn/api/paas/v4" },
  "openai-compatible": { adapter: "openai-compatible", baseUrl: undefined },
  simulated: { adapter: "simulated", baseUrl: "simulated://local" },
} as const satisfies Record<string, { adapter: ProviderId; baseUrl: string | undefined }>;

export type CatalogProvider = keyof typeof CATALOG_PROVIDERS;

export function isCatalogProvider(value: string): value is CatalogProvider {
  return Object.hasOwn(CATALOG_PROVIDERS, value);
}

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Custom base URLs come from tenants: plain http(s), no embedded credentials, no query or fragment. */
export function validateBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "only http and https are allowed" };
  if (url.username || url.password) return { ok: false, reason: "credentials must not be part of the URL" };
  if (url.search || url.hash) return { ok: false, reason: "query strings and fragments are not allowed" };
  return { ok: true, url: url.toString().replace(/\/+$/, "") };
}

// Every provider call resolves its base URL; the few distinct ones are parsed once.
const checkedBaseUrls = new Map<string, BaseUrlCheck>();
function checkedBaseUrl(raw: string): BaseUrlCheck {
  let check = checkedBaseUrls.get(raw);
  if (!check) {
    check = validateBaseUrl(raw);
    if (checkedBaseUrls.size > 1_000) checkedBaseUrls.clear();
    checkedBaseUrls.set(raw, check);
  }
  return check;
}

export type ResolvedProvider = { adapter: ProviderAdapter; baseUrl: string };

/** Picks the adapter for a catalog provider and the base URL to call: the custom one (validated) or the default. */
export function resolveProvider(
  provider: CatalogProvider,
  customBaseUrl?: string,
  registry: Record<ProviderId, ProviderAdapter> = providerRegistry,
): ResolvedProvider {
  const entry = CATALOG_PROVIDERS[provider];
  const adapter = registry[entry.adapter];
  if (customBaseUrl === undefined) {
    if (entry.baseUrl === undefined) throw new Error(`provider "${provider}" needs a base URL`);
    return { adapter, baseUrl: entry.baseUrl };
  }
  const check = checkedBaseUrl(customBaseUrl);
  if (!check.ok) throw new Error(`invalid base URL for "${provider}": ${check.reason}`);
  return { adapter, baseUrl: check.url };
}

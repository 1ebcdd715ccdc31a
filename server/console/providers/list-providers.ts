// Catalog providers with the tenant's credential for each. Only the secret's hint leaves the
// server; a provider without a credential is served by the built-in simulated provider.
import { CATALOG_PROVIDERS } from "../../providers/registry";
import type { TenantActor } from "../actor";

export const CREDENTIAL_LABEL = "default";

export const credentialPublicSelect = { id: true, provider: true, label: true, baseUrl: true, secretHint: true, createdAt: true, updatedAt: true } as const;

export async function listProviders(actor: TenantActor) {
  const credentials = await actor.db.providerCredential.findMany({ select: credentialPublicSelect, orderBy: { createdAt: "asc" } });
  return Object.entries(CATALOG_PROVIDERS)
    .filter(([id]) => id !== "simulated")
    .map(([id, entry]) => {
      const credential = credentials.find((c) => c.provider === id) ?? null;
      return { provider: id, defaultBaseUrl: entry.baseUrl ?? null, needsBaseUrl: entry.baseUrl === undefined, credential, simulated: credential === null };
    });
}

// Adds a provider credential, or rotates it when one exists. The secret is encrypted at rest
// and never returned; the audit entry records only its hint.
import { encryptSecret, secretHint } from "../../crypto/secret-box";
import { invalidateTenant } from "../../gateway/config-cache";
import { CATALOG_PROVIDERS, isCatalogProvider } from "../../providers/registry";
import type { TenantActor } from "../actor";
import { checkBaseUrl } from "../check-base-url";
import { invalid } from "../console-error";
import { recordAudit } from "../record-audit";
import { CREDENTIAL_LABEL, credentialPublicSelect } from "./list-providers";

export async function saveProviderCredential(actor: TenantActor, input: { provider: string; secret: string; baseUrl: string | null }) {
  if (!isCatalogProvider(input.provider) || input.provider === "simulated") throw invalid(`Unknown provider "${input.provider}"`);
  const baseUrl = await checkBaseUrl(input.baseUrl);
  if (!baseUrl && CATALOG_PROVIDERS[input.provider].baseUrl === undefined) throw invalid("Base URL: required for an OpenAI-compatible provider");
  const secret = { secretEnc: encryptSecret(input.secret), secretHint: secretHint(input.secret), baseUrl };
  const saved = await actor.db.$transaction(async (tx) => {
    const existing = await tx.providerCredential.findFirst({ where: { provider: input.provider, label: CREDENTIAL_LABEL }, select: { id: true } });
    const row = existing
      ? await tx.providerCredential.update({ where: { id: existing.id }, data: secret, select: credentialPublicSelect })
      : await tx.providerCredential.create({
          data: { ...secret, tenantId: actor.tenantId, provider: input.provider, label: CREDENTIAL_LABEL },
          select: credentialPublicSelect,
        });
    await recordAudit(tx, actor, {
      action: existing ? "provider_credential.rotated" : "provider_credential.added",
      targetType: "provider_credential",
      targetId: row.id,
      details: { provider: input.provider, secretHint: row.secretHint, baseUrl },
    });
    return row;
  });
  await invalidateTenant(actor.db, actor.tenantId);
  return saved;
}

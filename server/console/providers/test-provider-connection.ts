// "Test the connection": one tiny real request through the provider's adapter with short
// timeouts, reporting success or a short description of the failure (status and error code,
// never the upstream's body or a socket error's addresses). Nothing is routed or recorded.
import { decryptSecret } from "../../crypto/secret-box";
import { callProvider } from "../../providers/call-provider";
import { isCatalogProvider, resolveProvider } from "../../providers/registry";
import { UpstreamError } from "../../providers/upstream-error";
import { warnUpstreamDetail } from "../../observability/warn-upstream-detail";
import type { TenantActor } from "../actor";
import { invalid, notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import { effectiveRows } from "../models/catalog-entry";

const TIMEOUTS = { connectMs: 5_000, firstByteMs: 10_000 };

export type ConnectionTestResult = { ok: true; model: string; latencyMs: number } | { ok: false; model: string | null; error: string };

export async function testProviderConnection(actor: TenantActor, provider: string): Promise<ConnectionTestResult> {
  if (!isCatalogProvider(provider)) throw invalid(`Unknown provider "${provider}"`);
  const [credential, models] = await Promise.all([
    actor.db.providerCredential.findFirst({ where: { provider } }),
    actor.db.model.findMany({ where: { provider, enabled: true } }),
  ]);
  if (!credential) throw notFound("Credential");
  const model = effectiveRows(models).map((m) => m.row).find((m) => m.enabled) ?? null;
  const result = await attempt(provider, credential, model?.providerModelId ?? null);
  await recordAudit(actor.db, actor, { action: "provider_credential.tested", targetType: "provider_credential", targetId: credential.id, details: { provider, ok: result.ok } });
  return result;
}

async function attempt(
  provider: Parameters<typeof resolveProvider>[0],
  credential: { secretEnc: string; baseUrl: string | null },
  providerModelId: string | null,
): Promise<ConnectionTestResult> {
  if (!providerModelId) return { ok: false, model: null, error: "No enabled catalog model uses this provider" };
  const started = performance.now();
  try {
    const { adapter, baseUrl } = resolveProvider(provider, credential.baseUrl ?? undefined);
    await callProvider(
      adapter,
      { messages: [{ role: "user", content: [{ type: "text", text: "Reply with OK." }] }], maxTokens: 5, stream: false },
      { providerModelId, baseUrl, apiKey: decryptSecret(credential.secretEnc), stream: false },
      { timeouts: TIMEOUTS },
    );
    return { ok: true, model: providerModelId, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const upstream = error instanceof UpstreamError ? error : null;
    if (upstream?.detail) warnUpstreamDetail(`[console] connection test of ${provider} failed:`, upstream);
    else console.warn(`[console] connection test of ${provider} failed:`, error);
    return { ok: false, model: providerModelId, error: upstream?.message ?? "The connection test failed" };
  }
}

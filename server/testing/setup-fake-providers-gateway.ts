// A gateway whose tenant reaches OpenAI and Anthropic through fake upstreams, with the policies
// "gpt-only" (gpt-5.4) and "gpt-first" (gpt-5.4, then claude-opus-4.6): the set-up of every test
// of what the gateway does when the OpenAI upstream misbehaves and Anthropic is the fallback.
import { afterAll } from "vitest";
import { startFakeAnthropic, startFakeOpenAI, type FakeUpstream, type FakeUpstreamOptions } from "./fake-upstreams";
import { addProviderCredential, createOrderedPolicy } from "./seed-gateway-tenant";
import { setupGateway, type GatewayContext, type GatewayFixture } from "./setup-gateway";

export interface FakeProvidersOptions {
  env?: Record<string, string>;
  /** How the fake OpenAI answers (the fake Anthropic always answers). */
  openai?: FakeUpstreamOptions;
  /** More data, seeded after the providers and policies. */
  prepare?: (context: GatewayContext) => Promise<void>;
}

export function setupFakeProvidersGateway(options: FakeProvidersOptions = {}): { fx: GatewayFixture; fakes: { openai: FakeUpstream; anthropic: FakeUpstream } } {
  const fakes = {} as { openai: FakeUpstream; anthropic: FakeUpstream };
  const fx = setupGateway({
    env: options.env,
    prepare: async (context) => {
      const { db, tenant, masterKey } = context;
      fakes.openai = await startFakeOpenAI(options.openai);
      fakes.anthropic = await startFakeAnthropic();
      await addProviderCredential(db, tenant.tenantId, "openai", { baseUrl: `${fakes.openai.url}/v1`, apiKey: "sk-o", masterKey });
      await addProviderCredential(db, tenant.tenantId, "anthropic", { baseUrl: fakes.anthropic.url, apiKey: "sk-a", masterKey });
      await createOrderedPolicy(db, tenant.tenantId, "gpt-only", ["gpt-5.4"]);
      await createOrderedPolicy(db, tenant.tenantId, "gpt-first", ["gpt-5.4", "claude-opus-4.6"]);
      await options.prepare?.(context);
    },
  });
  afterAll(async () => {
    await fakes.openai?.close();
    await fakes.anthropic?.close();
  });
  return { fx, fakes };
}

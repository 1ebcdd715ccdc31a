import { z } from "zod";

export const providerInputSchema = z.object({ provider: z.string().trim().min(1) });

export const saveProviderCredentialSchema = z.object({
  provider: z.string().trim().min(1, "Pick a provider"),
  secret: z.string().trim().min(8, "That does not look like an API key").max(1000),
  baseUrl: z.string().trim().max(500).nullable(),
});

import { z } from "zod";
import { providerIdSchema, safeText } from "./common";

export const providerInputSchema = z.object({ provider: providerIdSchema });

export const saveProviderCredentialSchema = z.object({
  provider: providerIdSchema,
  secret: safeText(1000).min(8, "That does not look like an API key"),
  baseUrl: safeText(500).nullable(),
});

// What the console shows of an endpoint: never its secret, not even encrypted.
import type { Prisma } from "../../db/generated/client";

export const webhookSummarySelect = {
  id: true,
  name: true,
  url: true,
  kinds: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookEndpointSelect;

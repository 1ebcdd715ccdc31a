// Alert webhooks: admins only, reads included, since an endpoint's URL is often a credential
// itself (a Slack incoming-webhook URL lets anyone post to its channel).
import { adminProcedure, router } from "../init";
import { createWebhookSchema, setWebhookEnabledSchema, webhookActionSchema } from "../../console/schemas/webhooks";
import { listWebhooks } from "../../console/webhooks/list-webhooks";
import { createWebhook } from "../../console/webhooks/create-webhook";
import { rotateWebhookSecret } from "../../console/webhooks/rotate-webhook-secret";
import { setWebhookEnabled } from "../../console/webhooks/set-webhook-enabled";
import { deleteWebhook } from "../../console/webhooks/delete-webhook";
import { testWebhook } from "../../console/webhooks/test-webhook";
import { listWebhookDeliveries } from "../../console/webhooks/list-webhook-deliveries";

export const webhooksRouter = router({
  list: adminProcedure.query(({ ctx }) => listWebhooks(ctx.actor)),
  create: adminProcedure.input(createWebhookSchema).mutation(({ ctx, input }) => createWebhook(ctx.actor, input)),
  rotateSecret: adminProcedure.input(webhookActionSchema).mutation(({ ctx, input }) => rotateWebhookSecret(ctx.actor, input.id)),
  setEnabled: adminProcedure.input(setWebhookEnabledSchema).mutation(({ ctx, input }) => setWebhookEnabled(ctx.actor, input.id, input.enabled)),
  delete: adminProcedure.input(webhookActionSchema).mutation(({ ctx, input }) => deleteWebhook(ctx.actor, input.id)),
  test: adminProcedure.input(webhookActionSchema).mutation(({ ctx, input }) => testWebhook(ctx.actor, input.id)),
  deliveries: adminProcedure.input(webhookActionSchema).query(({ ctx, input }) => listWebhookDeliveries(ctx.actor, input.id)),
});

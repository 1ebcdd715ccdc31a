import { adminProcedure, router, viewerProcedure } from "../init";
import { byIdSchema } from "../../console/schemas/common";
import { createApiKeySchema } from "../../console/schemas/keys";
import { listApiKeys } from "../../console/keys/list-api-keys";
import { createApiKey } from "../../console/keys/create-api-key";
import { revokeApiKey } from "../../console/keys/revoke-api-key";
import { rotateApiKey } from "../../console/keys/rotate-api-key";

export const keysRouter = router({
  list: viewerProcedure.query(({ ctx }) => listApiKeys(ctx.actor)),
  create: adminProcedure.input(createApiKeySchema).mutation(({ ctx, input }) => createApiKey(ctx.actor, input)),
  revoke: adminProcedure.input(byIdSchema).mutation(({ ctx, input }) => revokeApiKey(ctx.actor, input.id)),
  rotate: adminProcedure.input(byIdSchema).mutation(({ ctx, input }) => rotateApiKey(ctx.actor, input.id)),
});

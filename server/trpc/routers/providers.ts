import { adminProcedure, router, viewerProcedure } from "../init";
import { providerInputSchema, saveProviderCredentialSchema } from "../../console/schemas/providers";
import { listProviders } from "../../console/providers/list-providers";
import { saveProviderCredential } from "../../console/providers/save-provider-credential";
import { removeProviderCredential } from "../../console/providers/remove-provider-credential";
import { testProviderConnection } from "../../console/providers/test-provider-connection";

export const providersRouter = router({
  list: viewerProcedure.query(({ ctx }) => listProviders(ctx.actor)),
  save: adminProcedure.input(saveProviderCredentialSchema).mutation(({ ctx, input }) => saveProviderCredential(ctx.actor, input)),
  remove: adminProcedure.input(providerInputSchema).mutation(({ ctx, input }) => removeProviderCredential(ctx.actor, input.provider)),
  testConnection: adminProcedure.input(providerInputSchema).mutation(({ ctx, input }) => testProviderConnection(ctx.actor, input.provider)),
});

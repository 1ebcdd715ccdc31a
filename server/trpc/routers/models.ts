import { adminProcedure, router, viewerProcedure } from "../init";
import { createCustomModelSchema, setModelLifecycleSchema, updateModelSchema } from "../../console/schemas/models";
import { listModels } from "../../console/models/list-models";
import { listModelProfiles } from "../../console/models/list-profiles";
import { updateModel } from "../../console/models/update-model";
import { createCustomModel } from "../../console/models/create-custom-model";
import { setModelLifecycle } from "../../console/models/set-model-lifecycle";
import { CATALOG_PROVIDERS } from "../../providers/registry";

export const modelsRouter = router({
  list: viewerProcedure.query(({ ctx }) => listModels(ctx.actor)),
  profiles: viewerProcedure.query(({ ctx }) => listModelProfiles(ctx.actor)),
  providers: viewerProcedure.query(() =>
    Object.entries(CATALOG_PROVIDERS).map(([id, entry]) => ({ id, needsBaseUrl: entry.baseUrl === undefined })),
  ),
  update: adminProcedure.input(updateModelSchema).mutation(({ ctx, input }) => updateModel(ctx.actor, input.slug, input.fields)),
  createCustom: adminProcedure.input(createCustomModelSchema).mutation(({ ctx, input }) => createCustomModel(ctx.actor, input)),
  setLifecycle: adminProcedure.input(setModelLifecycleSchema).mutation(({ ctx, input }) => setModelLifecycle(ctx.actor, input)),
});

import { adminProcedure, router, viewerProcedure } from "../init";
import { byIdSchema } from "../../console/schemas/common";
import { createTeamSchema, renameTeamSchema } from "../../console/schemas/teams";
import { listTeams } from "../../console/teams/list-teams";
import { createTeam } from "../../console/teams/create-team";
import { renameTeam } from "../../console/teams/rename-team";
import { deleteTeam } from "../../console/teams/delete-team";

export const teamsRouter = router({
  list: viewerProcedure.query(({ ctx }) => listTeams(ctx.actor)),
  create: adminProcedure.input(createTeamSchema).mutation(({ ctx, input }) => createTeam(ctx.actor, input.name)),
  rename: adminProcedure.input(renameTeamSchema).mutation(({ ctx, input }) => renameTeam(ctx.actor, input.id, input.name)),
  delete: adminProcedure.input(byIdSchema).mutation(({ ctx, input }) => deleteTeam(ctx.actor, input.id)),
});

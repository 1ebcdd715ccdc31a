import { adminProcedure, router, viewerProcedure } from "../init";
import { byIdSchema } from "../../console/schemas/common";
import { createTeamSchema, updateTeamSchema } from "../../console/schemas/teams";
import { listTeams } from "../../console/teams/list-teams";
import { createTeam } from "../../console/teams/create-team";
import { updateTeam } from "../../console/teams/update-team";
import { deleteTeam } from "../../console/teams/delete-team";

export const teamsRouter = router({
  list: viewerProcedure.query(({ ctx }) => listTeams(ctx.actor)),
  create: adminProcedure.input(createTeamSchema).mutation(({ ctx, input }) => createTeam(ctx.actor, input)),
  update: adminProcedure.input(updateTeamSchema).mutation(({ ctx, input }) => updateTeam(ctx.actor, input)),
  delete: adminProcedure.input(byIdSchema).mutation(({ ctx, input }) => deleteTeam(ctx.actor, input.id)),
});

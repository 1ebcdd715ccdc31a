import { adminProcedure, router, viewerProcedure } from "../init";
import { byIdSchema } from "../../console/schemas/common";
import { changeMemberRoleSchema, createInviteSchema, memberUserSchema } from "../../console/schemas/members";
import { listMembers } from "../../console/members/list-members";
import { createInvite } from "../../console/members/create-invite";
import { revokeInvite } from "../../console/members/revoke-invite";
import { changeMemberRole } from "../../console/members/change-member-role";
import { removeMember } from "../../console/members/remove-member";

export const membersRouter = router({
  list: viewerProcedure.query(({ ctx }) => listMembers(ctx.actor)),
  invite: adminProcedure.input(createInviteSchema).mutation(({ ctx, input }) => createInvite(ctx.actor, input)),
  revokeInvite: adminProcedure.input(byIdSchema).mutation(({ ctx, input }) => revokeInvite(ctx.actor, input.id)),
  changeRole: adminProcedure.input(changeMemberRoleSchema).mutation(({ ctx, input }) => changeMemberRole(ctx.actor, input.userId, input.role)),
  remove: adminProcedure.input(memberUserSchema).mutation(({ ctx, input }) => removeMember(ctx.actor, input.userId)),
});

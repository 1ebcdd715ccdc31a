// Sign-up and invite links: the only procedures that run before the user belongs to the tenant.
import { protectedProcedure, publicProcedure, router } from "../init";
import { signUpSchema } from "../../console/schemas/account";
import { inviteTokenSchema } from "../../console/schemas/members";
import { signUp } from "../../console/account/sign-up";
import { signUpAttempts } from "../../auth/attempt-limiter";
import { ConsoleError } from "../../console/console-error";
import { acceptInvite, describeInvite } from "../../console/account/accept-invite";

export const accountRouter = router({
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    if (!signUpAttempts.allow(ctx.clientAddress)) throw new ConsoleError("rate_limited", "Too many sign-ups from this address. Try again in an hour.");
    const { tenantId } = await signUp(ctx.db, input);
    ctx.setTenantCookie(tenantId);
    return { tenantId };
  }),
  describeInvite: publicProcedure.input(inviteTokenSchema).query(({ ctx, input }) => describeInvite(ctx.db, input.token)),
  acceptInvite: protectedProcedure.input(inviteTokenSchema).mutation(async ({ ctx, input }) => {
    const result = await acceptInvite(ctx.db, ctx.userId, input.token);
    ctx.setTenantCookie(result.tenantId);
    return result;
  }),
});

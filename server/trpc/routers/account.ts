// Sign-up and invite links: the only procedures that run before the user belongs to the tenant.
import { protectedProcedure, publicProcedure, router } from "../init";
import { signUpSchema } from "../../console/schemas/account";
import { inviteTokenSchema } from "../../console/schemas/members";
import { signUp } from "../../console/account/sign-up";
import { retryAfterSeconds, signUpLimiter } from "../../auth/attempt-limiter";
import { ConsoleError } from "../../console/console-error";
import { acceptInvite, describeInvite } from "../../console/account/accept-invite";

export const accountRouter = router({
  // The same answer whether the email was free or taken (see sign-up.ts): no tenant id, no
  // cookie. The form signs in next; a new user's only organisation is their current one.
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    const admission = await signUpLimiter().admit(ctx.clientAddress);
    if (!admission.admitted) throw new ConsoleError("rate_limited", `Too many sign-ups from this address, try again in ${retryAfterSeconds(admission.retryAfterMs)} s`);
    await signUp(ctx.db, input);
  }),
  describeInvite: publicProcedure.input(inviteTokenSchema).query(({ ctx, input }) => describeInvite(ctx.db, input.token)),
  acceptInvite: protectedProcedure.input(inviteTokenSchema).mutation(async ({ ctx, input }) => {
    const result = await acceptInvite(ctx.db, ctx.userId, input.token);
    ctx.setTenantCookie(result.tenantId);
    return result;
  }),
});

import { router, viewerProcedure } from "../init";
import { getOnboardingStatus } from "../../console/onboarding/onboarding-status";

export const onboardingRouter = router({
  status: viewerProcedure.query(({ ctx }) => getOnboardingStatus(ctx.actor)),
});

// The console API: one router per area.
import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { alertsRouter } from "./routers/alerts";
import { auditRouter } from "./routers/audit";
import { dashboardRouter } from "./routers/dashboard";
import { keysRouter } from "./routers/keys";
import { logsRouter } from "./routers/logs";
import { membersRouter } from "./routers/members";
import { modelsRouter } from "./routers/models";
import { onboardingRouter } from "./routers/onboarding";
import { policiesRouter } from "./routers/policies";
import { providersRouter } from "./routers/providers";
import { teamsRouter } from "./routers/teams";
import { tenantRouter } from "./routers/tenant";
import { webhooksRouter } from "./routers/webhooks";

export const appRouter = router({
  account: accountRouter,
  alerts: alertsRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  keys: keysRouter,
  logs: logsRouter,
  members: membersRouter,
  models: modelsRouter,
  onboarding: onboardingRouter,
  policies: policiesRouter,
  providers: providersRouter,
  teams: teamsRouter,
  tenant: tenantRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

// tRPC set-up and the layered procedures of the console API:
// public -> protected (signed in) -> tenant (membership checked; tenant, role and a
// tenant-scoped client in ctx) -> role-gated (member, admin, owner). Role checks live here,
// never in pages or services.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { hasRole, type Role } from "../console/schemas/roles";
import { memberActor } from "../console/actor";
import type { ConsoleContext } from "./context";
import { mapConsoleError, publicMessage } from "./map-console-error";

const t = initTRPC.context<ConsoleContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const fieldErrors = error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null;
    // No stack trace in a response, not even in development: it names server files and lines.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message: publicMessage(error), data: { ...data, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw mapConsoleError(result.error);
  return result;
});

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { userId: ctx.userId } });
});

export const tenantProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const membership = await ctx.membership();
  if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You do not belong to any organisation" });
  return next({ ctx: { actor: memberActor(ctx.db, ctx.userId, membership), tenantName: membership.tenantName } });
});

function requireRole(atLeast: Role) {
  return tenantProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.actor.role, atLeast)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${atLeast} role or higher (you are ${ctx.actor.role})` });
    }
    return next();
  });
}

/** Reads: every member of the tenant, viewers included. */
export const viewerProcedure = tenantProcedure;
/** Reads plus the policy tester. */
export const memberProcedure = requireRole("member");
/** Keys, policies, catalog, providers, members and teams. */
export const adminProcedure = requireRole("admin");
/** Tenant settings and the owner role. */
export const ownerProcedure = requireRole("owner");

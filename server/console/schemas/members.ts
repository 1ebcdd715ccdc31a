import { z } from "zod";
import { emailSchema, idSchema, safeText } from "./common";
import { roleSchema } from "./roles";

export const createInviteSchema = z.object({
  email: emailSchema.nullable(),
  role: roleSchema,
});

export const changeMemberRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export const memberUserSchema = z.object({ userId: idSchema });
export const inviteTokenSchema = z.object({ token: safeText(200).min(20) });

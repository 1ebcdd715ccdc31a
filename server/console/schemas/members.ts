import { z } from "zod";
import { idSchema } from "./common";
import { roleSchema } from "./roles";

export const createInviteSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").nullable(),
  role: roleSchema,
});

export const changeMemberRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export const memberUserSchema = z.object({ userId: idSchema });
export const inviteTokenSchema = z.object({ token: z.string().trim().min(20).max(200) });

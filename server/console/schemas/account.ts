import { z } from "zod";
import { idSchema, nameSchema } from "./common";

export const signUpSchema = z
  .object({
    name: nameSchema,
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    password: z.string().min(10, "At least 10 characters").max(200),
    /** The new organisation; not needed when joining one through an invite. */
    organisation: z.string().trim().max(80).nullable(),
    inviteToken: z.string().trim().min(20).max(200).nullable(),
  })
  .refine((v) => v.inviteToken !== null || (v.organisation ?? "").length > 0, {
    path: ["organisation"],
    message: "Name your organisation",
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const switchTenantSchema = z.object({ tenantId: idSchema });
export const renameTenantSchema = z.object({ name: nameSchema });

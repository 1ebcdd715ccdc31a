import { z } from "zod";
import { emailSchema, idSchema, nameSchema, safeText } from "./common";

export const signUpSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: z.string().min(10, "At least 10 characters").max(200),
    /** The new organisation; not needed when joining one through an invite. */
    organisation: safeText(80).nullable(),
    inviteToken: safeText(200).min(20).nullable(),
  })
  .refine((v) => v.inviteToken !== null || (v.organisation ?? "").length > 0, {
    path: ["organisation"],
    message: "Name your organisation",
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const switchTenantSchema = z.object({ tenantId: idSchema });
export const renameTenantSchema = z.object({ name: nameSchema });

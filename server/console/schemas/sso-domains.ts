import { z } from "zod";
import { idSchema } from "./common";
import { roleSchema } from "./roles";

const MAX_DOMAIN_INPUT_CHARS = 300;

/** An email domain as people type it ("Example.com", "@example.com"), stored lower case without the "@". */
export const ssoDomainSchema = z
  .string()
  // Bounded before it is trimmed and lower-cased (those copy the whole string), with room for the
  // spaces and "@" that are then dropped; the domain itself is held to 253 below.
  .max(MAX_DOMAIN_INPUT_CHARS, "Too long for a domain (at most 253 characters)")
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^@/, ""))
  .pipe(
    z.string()
      .min(1, "Enter a domain, like example.com")
      .max(253, "At most 253 characters")
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter a domain like example.com (no https://, no path)"),
  );

export const addSsoDomainSchema = z.object({
  domain: ssoDomainSchema,
  // Single sign-on never makes an owner: ownership is handed over by an owner.
  role: roleSchema.exclude(["owner"]),
});
export type AddSsoDomainInput = z.infer<typeof addSsoDomainSchema>;

export const removeSsoDomainSchema = z.object({ id: idSchema });

// Sign-up: a new user who either founds an organisation (as its owner) or joins one through an
// invite link, in one transaction.
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { hashPassword } from "../../auth/password";
import { conflict } from "../console-error";
import type { SignUpInput } from "../schemas/account";
import { createStarterPolicy } from "../policies/create-starter-policy";
import { joinByInvite } from "./accept-invite";

function slugFor(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "org";
  return `${base}-${randomBytes(3).toString("hex")}`;
}

async function foundTenant(tx: Prisma.TransactionClient, userId: string, organisation: string): Promise<string> {
  const tenant = await tx.tenant.create({ data: { name: organisation, slug: slugFor(organisation) } });
  await tx.membership.create({ data: { tenantId: tenant.id, userId, role: "owner" } });
  await createStarterPolicy(tx, tenant.id, userId);
  await tx.auditLog.create({ data: { tenantId: tenant.id, actorUserId: userId, action: "tenant.created", targetType: "tenant", targetId: tenant.id, details: { name: organisation } } });
  return tenant.id;
}

export async function signUp(db: Db, input: SignUpInput): Promise<{ userId: string; tenantId: string }> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw conflict("An account with this email exists already; sign in instead");
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    const tenantId = input.inviteToken
      ? await joinByInvite(tx, { id: user.id, email: user.email }, input.inviteToken)
      : await foundTenant(tx, user.id, input.organisation ?? "");
    return { userId: user.id, tenantId };
  });
}

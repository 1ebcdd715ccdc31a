// Sign-up: a new user who either founds an organisation (as its owner) or joins one through an
// invite link, in one transaction.
//
// Sign-up must not tell anyone which emails have an account. A taken email gets the answer a
// new one gets, after the same work: its password is hashed, and the same rows are written
// for a stand-in user and rolled back, so the response, any error (an unusable invite) and its
// timing match. Nothing is created and nobody is signed in: the form's sign-in that follows
// succeeds only with the account's real password.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { hashPassword } from "../../auth/password";
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

/** Thrown inside the transaction to undo the stand-in's writes. */
class RollBack extends Error {}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

export async function signUp(db: Db, input: SignUpInput): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const taken = (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) !== null;
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user
        .create({ data: { email: taken ? `${randomUUID()}@stand-in.invalid` : input.email, name: input.name, passwordHash } })
        // Taken by a sign-up that committed a moment ago: answered like any taken email.
        .catch((error: unknown) => Promise.reject(isUniqueViolation(error) ? new RollBack() : error));
      // The invite is checked against the email asked for, so its refusals do not depend on who exists.
      if (input.inviteToken) await joinByInvite(tx, { id: user.id, email: input.email }, input.inviteToken);
      else await foundTenant(tx, user.id, input.organisation ?? "");
      if (taken) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
}

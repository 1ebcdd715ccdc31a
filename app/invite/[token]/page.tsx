import Link from "next/link";
import { describeInvite } from "@/server/console/account/accept-invite";
import { sessionUserId } from "@/server/auth/session-user-id";
import { getDb } from "@/server/db/client";
import { ConsoleQueryProvider } from "@/components/trpc/trpc";
import { AcceptInviteButton } from "@/components/accept-invite-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invite · Switchyard" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, userId] = await Promise.all([describeInvite(getDb(), token), sessionUserId()]);
  const here = `/invite/${encodeURIComponent(token)}`;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {!invite?.usable ? (
          <>
            <h1 className="text-2xl font-semibold">This invite cannot be used</h1>
            <p className="text-sm text-slate-500">It may have expired or been used already. Ask for a new link.</p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">Join {invite.tenantName}</h1>
            <p className="text-sm text-slate-500">You are invited as <strong>{invite.role}</strong>{invite.email && <> ({invite.email})</>}.</p>
            {userId ? (
              <ConsoleQueryProvider><AcceptInviteButton token={token} /></ConsoleQueryProvider>
            ) : (
              <div className="flex flex-col gap-2 text-sm">
                <Link className="rounded-md bg-indigo-600 px-4 py-2 text-center font-medium text-white hover:bg-indigo-700" href={`/sign-up?invite=${encodeURIComponent(token)}`}>Create an account</Link>
                <Link className="text-center text-indigo-700 hover:underline" href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>I have an account: sign in</Link>
              </div>
            )}
          </>
        )}
      </div>
    </main>
  );
}

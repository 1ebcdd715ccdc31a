"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Sends the browser to the organisation's identity provider; next-auth brings it back signed in. */
export function SsoSignInButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button type="button" disabled={pending}
      onClick={() => { setPending(true); void signIn("oidc", { callbackUrl }); }}
      className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 disabled:opacity-60">
      {pending ? "Redirecting…" : `Sign in with ${name}`}
    </button>
  );
}

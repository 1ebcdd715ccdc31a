import Link from "next/link";
import { SignInForm } from "@/components/sign-in-form";
import { SsoSignInButton } from "@/components/sso-sign-in-button";
import { ssoButtonName } from "@/server/auth/auth-options";
import { SSO_REFUSAL_MESSAGES, type SsoRefusal } from "@/server/auth/sso-sign-in";

export const metadata = { title: "Sign in · Switchyard" };

/** What went wrong on the way back from the identity provider, in words. */
function signInError(code: string | undefined): string | null {
  if (!code || code === "CredentialsSignin") return null;
  if (code in SSO_REFUSAL_MESSAGES) return SSO_REFUSAL_MESSAGES[code as SsoRefusal];
  return "Single sign-on did not complete. Try again, or use your email and password.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = callbackUrl?.startsWith("/") ? callbackUrl : "/";
  const ssoError = signInError(error);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">Sign in to Switchyard</h1>
        <p className="mb-6 mt-1 text-sm text-slate-500">Route every request to the cheapest model that is good enough.</p>
        {ssoError && <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">{ssoError}</p>}
        {ssoButtonName && (
          <>
            <SsoSignInButton name={ssoButtonName} callbackUrl={target} />
            <p className="my-4 text-center text-xs uppercase tracking-wide text-slate-500">or with email and password</p>
          </>
        )}
        <SignInForm callbackUrl={target} />
        <p className="mt-4 text-sm text-slate-500">New here? <Link className="text-indigo-700 hover:underline" href="/sign-up">Create an account</Link></p>
      </div>
    </main>
  );
}

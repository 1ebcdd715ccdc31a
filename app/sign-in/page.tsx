import Link from "next/link";
import { SignInForm } from "@/components/sign-in-form";

export const metadata = { title: "Sign in · Switchyard" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = callbackUrl?.startsWith("/") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">Sign in to Switchyard</h1>
        <p className="mb-6 mt-1 text-sm text-slate-500">Route every request to the cheapest model that is good enough.</p>
        <SignInForm callbackUrl={target} />
        <p className="mt-4 text-sm text-slate-500">New here? <Link className="text-indigo-700 hover:underline" href="/sign-up">Create an account</Link></p>
      </div>
    </main>
  );
}

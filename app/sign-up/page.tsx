import Link from "next/link";
import { ConsoleQueryProvider } from "@/components/trpc/trpc";
import { SignUpForm } from "@/components/sign-up-form";

export const metadata = { title: "Sign up · Switchyard" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const { invite } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">Create your account</h1>
        <p className="mb-6 mt-1 text-sm text-slate-500">{invite ? "You will join the organisation that invited you." : "You will own a new organisation with a starter routing policy."}</p>
        <ConsoleQueryProvider>
          <SignUpForm inviteToken={invite ?? null} />
        </ConsoleQueryProvider>
        <p className="mt-4 text-sm text-slate-500">Have an account? <Link className="text-indigo-700 hover:underline" href="/sign-in">Sign in</Link></p>
      </div>
    </main>
  );
}

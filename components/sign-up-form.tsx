"use client";

// Creates the account (and organisation, unless joining through an invite), then signs in.
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { signUpSchema } from "@/server/console/schemas/account";

export function SignUpForm({ inviteToken }: { inviteToken: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [signInError, setSignInError] = useState<string | null>(null);
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      organisation: inviteToken ? null : String(form.get("organisation") ?? ""),
      inviteToken,
    });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (!parsed.success) return;
    await signUp.mutateAsync(parsed.data).then(async () => {
      const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      // Sign-up answers the same for a taken email, so only this sign-in can fail: with the
      // limits' message, or because the email has an account with another password.
      if (!result || result.error) return setSignInError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Signing in with this email and password did not work. If you have an account already, sign in with its password.");
      router.push("/");
      router.refresh();
    }, () => undefined);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField label="Your name" name="name" autoComplete="name" error={errors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" error={errors.password} hint="At least 10 characters" />
      {!inviteToken && <TextField label="Organisation" name="organisation" autoComplete="organization" error={errors.organisation} />}
      <ErrorState error={signUp.error ?? (signInError ? { message: signInError } : null)} />
      <Button type="submit" variant="primary" className="w-full" disabled={signUp.isPending}>{signUp.isPending ? "Creating account…" : inviteToken ? "Create account and join" : "Create account"}</Button>
    </form>
  );
}

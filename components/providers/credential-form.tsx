"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { textOrNull } from "@/components/ui/format";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { saveProviderCredentialSchema } from "@/server/console/schemas/providers";

interface Props {
  provider: string;
  baseUrl: string | null;
  needsBaseUrl: boolean;
  saving: boolean;
  error: { message: string } | null;
  onSubmit: (value: { provider: string; secret: string; baseUrl: string | null }) => void;
}

export function CredentialForm({ provider, baseUrl, needsBaseUrl, saving, error, onSubmit }: Props) {
  const [errors, setErrors] = useState<FieldErrors>({});
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = saveProviderCredentialSchema.safeParse({ provider, secret: String(form.get("secret") ?? ""), baseUrl: textOrNull(form.get("baseUrl")) });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) onSubmit(parsed.data);
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <TextField label="API key" name="secret" type="password" autoComplete="off" error={errors.secret} hint="Stored encrypted; only its last four characters are ever shown." autoFocus />
      <TextField label={needsBaseUrl ? "Base URL" : "Base URL (optional)"} name="baseUrl" defaultValue={baseUrl ?? ""} error={errors.baseUrl} hint={needsBaseUrl ? "Your server's OpenAI-compatible endpoint" : "Leave empty for the provider's own API"} />
      <ErrorState error={error} />
      <Button type="submit" variant="primary" disabled={saving}>{saving ? "Saving…" : "Save credential"}</Button>
    </form>
  );
}

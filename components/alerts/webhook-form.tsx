"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { ALERT_KINDS } from "@/server/console/schemas/alerts";
import { createWebhookSchema } from "@/server/console/schemas/webhooks";

/** Adds a webhook; the server checks the URL (a non-public address is refused, with the reason) and returns the secret once. */
export function WebhookForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async ({ secret }) => {
        await queryClient.invalidateQueries(trpc.webhooks.pathFilter());
        onCreated(secret);
      },
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createWebhookSchema.safeParse({ name: String(form.get("name") ?? ""), url: String(form.get("url") ?? ""), kinds: form.getAll("kinds").map(String) });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) create.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <TextField label="Name" name="name" required error={errors.name} autoFocus />
      <TextField label="URL" name="url" type="url" required error={errors.url} placeholder="https://hooks.slack.com/services/…" hint="Receives a signed JSON POST per alert raised or resolved; a Slack incoming-webhook URL works as is." />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Alert kinds</legend>
        <div className="mt-1 flex gap-4">
          {ALERT_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="kinds" value={kind} /> {kind}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">None ticked: every kind, including kinds added later.</p>
        {errors.kinds && <p className="mt-1 text-xs text-red-600">{errors.kinds}</p>}
      </fieldset>
      <ErrorState error={create.error} />
      <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add webhook"}</Button>
    </form>
  );
}

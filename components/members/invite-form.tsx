"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { SecretOnce } from "@/components/ui/secret-once";
import { textOrNull } from "@/components/ui/format";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { createInviteSchema } from "@/server/console/schemas/members";
import { ROLES } from "@/server/console/schemas/roles";

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isOwner = useCan("owner");
  const [errors, setErrors] = useState<FieldErrors>({});
  const invite = useMutation(trpc.members.invite.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.members.pathFilter()) }));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createInviteSchema.safeParse({ email: textOrNull(form.get("email")), role: form.get("role") });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) invite.mutate(parsed.data);
  }
  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate className="grid items-end gap-3 sm:grid-cols-[1fr_10rem_auto]">
        <TextField label="Email (optional)" name="email" type="email" error={errors.email} hint="When set, only this address can accept" />
        <SelectField label="Role" name="role" defaultValue="member">
          {ROLES.filter((r) => isOwner || r !== "owner").map((r) => <option key={r} value={r}>{r}</option>)}
        </SelectField>
        <Button type="submit" variant="primary" disabled={invite.isPending}>Create invite link</Button>
      </form>
      <ErrorState error={invite.error} />
      {invite.data && <SecretOnce label="Invite link" secret={`${window.location.origin}/invite/${invite.data.token}`} />}
    </div>
  );
}

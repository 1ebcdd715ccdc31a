"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";

export function AcceptInviteButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  // The server points the tenant cookie at the joined organisation.
  const accept = useMutation(trpc.account.acceptInvite.mutationOptions({ onSuccess: () => { router.push("/"); router.refresh(); } }));
  return (
    <div className="space-y-3">
      <Button variant="primary" className="w-full" disabled={accept.isPending} onClick={() => accept.mutate({ token })}>{accept.isPending ? "Joining…" : "Accept invite"}</Button>
      <ErrorState error={accept.error} />
    </div>
  );
}

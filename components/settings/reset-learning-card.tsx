"use client";

// Forgetting what routing learned from this organisation's traffic (profiles, learned difficulty,
// category corrections), e.g. after the workload changed completely. Admins and owners only.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { pluralise } from "@/components/ui/pluralise";
import { Card } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";

export function ResetLearningCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const reset = useMutation(trpc.tenant.resetLearning.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries(trpc.models.profiles.queryFilter()),
  }));
  return (
    <Card title="Learned routing">
      <p className="mb-3 max-w-2xl text-sm text-slate-600">
        Routing learns from feedback and evaluations: model profiles, the difficulty of your requests and category corrections. Resetting forgets
        all of it and the evidence not yet learned from; routing goes back to the catalog figures and the built-in estimates. Feedback, evaluations
        and request logs are kept.
      </p>
      {canManage ? (
        <ConfirmButton variant="danger" disabled={reset.isPending} title="Forget everything routing learned?"
          message="Profiles, learned difficulty and category corrections of this organisation are deleted; routing goes back to the catalog figures."
          confirmLabel="Reset" onConfirm={() => reset.mutate()}>
          Reset learned routing
        </ConfirmButton>
      ) : (
        <p className="text-sm text-slate-500">Resetting needs the admin role.</p>
      )}
      <ErrorState error={reset.error} />
      {reset.isSuccess && (
        <p role="status" className="mt-2 text-sm text-green-700">
          Reset. {reset.data.queuedEventsRemoved > 0 ? `${pluralise(reset.data.queuedEventsRemoved, "queued piece", "queued pieces")} of evidence dropped.` : ""}
        </p>
      )}
    </Card>
  );
}

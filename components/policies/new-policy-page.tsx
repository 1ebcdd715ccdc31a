"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { useCan } from "@/components/console/console-session";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { NEW_POLICY_DRAFT } from "./policy-draft";
import { PolicyForm } from "./policy-form";

export function NewPolicyPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const create = useMutation(trpc.policies.create.mutationOptions({
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries(trpc.policies.pathFilter());
      router.push(`/policies/${id}`);
    },
  }));
  if (!canManage) return <ErrorState error={{ message: "Creating policies needs the admin role." }} />;
  return (
    <>
      <PageHeader title="New policy" />
      <PolicyForm initial={NEW_POLICY_DRAFT} readOnly={false} saving={create.isPending} error={create.error} submitLabel="Create policy" onSubmit={(fields) => create.mutate(fields)} />
    </>
  );
}

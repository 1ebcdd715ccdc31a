"use client";

// Whether the dashboard shows the first-run checklist: decided once, from the first answer, for
// an organisation that has never sent a request; it stays up (ticking live) until dismissed.
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";

// A cheap indexed read every few seconds while someone waits for their first request; bounded
// so that a tab left open does not poll forever (20 minutes, then a reload resumes it).
const POLL_MS = 3_000;
const MAX_POLLS = 400;

export function useFirstRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showing, setShowing] = useState<boolean | null>(null);
  const status = useQuery(trpc.onboarding.status.queryOptions(undefined, {
    refetchInterval: (query) => (showing !== false && !query.state.data?.hasRequests && query.state.dataUpdateCount < MAX_POLLS ? POLL_MS : false),
  }));
  // Should the status fail to load, the dashboard shows as usual rather than waiting on it.
  if (showing === null && (status.data || status.error)) setShowing(status.data ? !status.data.hasRequests : false);
  return {
    /** Null until the first answer, so the dashboard shows neither checklist nor charts yet. */
    showChecklist: showing,
    status: status.data,
    dismiss: () => {
      setShowing(false);
      void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
    },
  };
}

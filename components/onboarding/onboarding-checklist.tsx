"use client";

// The first-run checklist an organisation without requests sees on its dashboard: connect a
// provider (or stay on the simulator), create a key, send a first request. Each step is ticked
// from the organisation's data, the last one live while the checklist polls for a request.
import { useState, useSyncExternalStore, type ReactNode } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import type { OnboardingStatus } from "@/server/console/onboarding/onboarding-status";
import { docHref } from "@/server/docs/doc-pages";
import { useCan, useConsoleSession } from "@/components/console/console-session";
import { CreateKeyForm } from "@/components/keys/create-key-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretOnce } from "@/components/ui/secret-once";
import { SnippetTabs } from "./snippet-tabs";

const LINK = "font-medium text-indigo-700 underline";

export function OnboardingChecklist({ status, onDone }: { status: OnboardingStatus; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("admin");
  const [simulated, staySimulated] = useStaySimulated(useConsoleSession().tenantId);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const steps = [status.providerCredentials > 0 || simulated, status.keys > 0, status.hasRequests];
  const done = steps.filter(Boolean).length;

  return (
    <section aria-labelledby="first-run-title" data-testid="onboarding-checklist" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="first-run-title" className="text-lg font-semibold">Get started</h2>
          <p className="mt-1 text-sm text-slate-500">Three steps to route your first request. This page fills with charts once requests arrive.</p>
        </div>
        <p className="text-sm font-medium text-slate-600" aria-live="polite">{done} of {steps.length} done</p>
      </div>
      <ol className="mt-4 space-y-4">
        <Step n={1} done={steps[0]!} title="Connect a model provider">
          {status.providerCredentials > 0
            ? "Your provider keys are set: their models are answered live."
            : simulated
              ? "You are on the built-in simulator: every model answers with simulated text and costs. Add a provider key whenever you want real answers."
              : "Add an OpenAI, Anthropic, Gemini or compatible key, or try everything first on the built-in simulator."}
          <div className="mt-2 flex flex-wrap gap-2">
            <Link href="/providers" className={LINK}>Add a provider key</Link>
            {status.providerCredentials === 0 && !simulated && <Button onClick={staySimulated}>Use the simulator for now</Button>}
          </div>
        </Step>
        <Step n={2} done={steps[1]!} title="Create an API key">
          {secret ? <SecretOnce secret={secret} label="New API key secret" />
            : status.keys > 0 ? <>A key exists. <Link href="/keys" className={LINK}>Manage keys</Link></>
            : canManage ? <>Applications send it as their API key. <div className="mt-2"><Button variant="primary" onClick={() => setCreating(true)}>Create a key</Button></div></>
            : "An admin of your organisation can create one on the Keys page."}
        </Step>
        <Step n={3} done={steps[2]!} title="Send your first request">
          <p>
            Call the gateway with <code className="rounded bg-slate-100 px-1">model: &quot;auto&quot;</code> from any of these clients{secret ? ", your new key is filled in" : ", with your key in place of the placeholder"}.{" "}
            <Link href={docHref("api")} className={LINK}>Learn more about the API</Link>
          </p>
          <div className="mt-3"><SnippetTabs apiKey={secret} /></div>
          <p role="status" className="mt-2 text-sm">
            {status.hasRequests
              ? <span className="font-medium text-green-700">Your first request arrived.</span>
              : <span className="text-slate-500">Waiting for your first request…</span>}
          </p>
        </Step>
      </ol>
      {status.hasRequests && (
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          <Button variant="primary" onClick={onDone}>Open the dashboard</Button>
          <Link href="/logs" className={LINK}>See it in the logs</Link>
        </div>
      )}
      {creating && (
        <Dialog title="New API key" onClose={() => setCreating(false)}>
          <CreateKeyForm onCreated={(created) => {
            setSecret(created);
            setCreating(false);
            void queryClient.invalidateQueries(trpc.onboarding.pathFilter());
          }} />
        </Dialog>
      )}
    </section>
  );
}

function Step({ n, done, title, children }: { n: number; done: boolean; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3" data-testid={`onboarding-step-${n}`} data-done={done}>
      <span aria-hidden="true" className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${done ? "bg-green-600 text-white" : "border border-slate-300 text-slate-600"}`}>
        {done ? "✓" : n}
      </span>
      <div className="min-w-0 flex-1 text-sm text-slate-600">
        <h3 className="font-medium text-slate-900">{title} <span className="sr-only">{done ? "(done)" : "(to do)"}</span></h3>
        <div className="mt-1">{children}</div>
      </div>
    </li>
  );
}

// Choosing the simulator is the one step with no data behind it, so the choice is kept in this
// browser, per organisation; a provider key added later ticks the step anyway.
function useStaySimulated(tenantId: string): [boolean, () => void] {
  const storageKey = `switchyard:stay-simulated:${tenantId}`;
  const chosen = useSyncExternalStore(subscribeStorage, () => localStorage.getItem(storageKey) === "1", () => false);
  return [chosen, () => {
    localStorage.setItem(storageKey, "1");
    window.dispatchEvent(new StorageEvent("storage", { key: storageKey }));
  }];
}

function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

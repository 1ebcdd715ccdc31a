"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { firstRequestSnippet, SNIPPET_CLIENTS, type SnippetClient } from "./snippets";

// The browser's own address is the gateway's: the console and /v1 share one origin. The server
// render has none, so it shows a neutral placeholder until the page hydrates.
const subscribeNever = () => () => {};
const useOrigin = () => useSyncExternalStore(subscribeNever, () => window.location.origin, () => "https://your-switchyard-host");

/** A first gateway call for each client, with the origin and (when known) the key filled in, each copyable. */
export function SnippetTabs({ apiKey }: { apiKey?: string | null }) {
  const origin = useOrigin();
  const [client, setClient] = useState<SnippetClient>("curl");
  const [copied, setCopied] = useState<SnippetClient | null>(null);
  const snippet = firstRequestSnippet(client, { origin, apiKey });
  const panelId = `snippet-panel-${client}`;
  return (
    <div className="min-w-0 rounded-md border border-slate-200">
      <div role="tablist" aria-label="Client" className="flex flex-wrap gap-1 border-b border-slate-200 bg-slate-50 p-1">
        {SNIPPET_CLIENTS.map(({ id, label }) => (
          <button key={id} type="button" role="tab" id={`snippet-tab-${id}`} aria-selected={id === client} aria-controls={`snippet-panel-${id}`}
            tabIndex={id === client ? 0 : -1} onClick={() => setClient(id)} onKeyDown={(event) => moveTab(event, client, setClient)}
            className={`rounded px-2 py-1 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 ${id === client ? "bg-white font-medium text-indigo-700 shadow-sm" : "text-slate-600 hover:bg-white"}`}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={`snippet-tab-${client}`} className="relative">
        <pre data-testid="first-request-snippet" tabIndex={0} className="max-h-72 overflow-auto bg-slate-900 p-3 pr-20 text-xs leading-relaxed text-slate-100"><code>{snippet}</code></pre>
        <Button className="absolute right-2 top-2" aria-label={`Copy the ${labelOf(client)} snippet`}
          onClick={() => navigator.clipboard?.writeText(snippet).then(() => setCopied(client), () => setCopied(null))}>
          {copied === client ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

const labelOf = (client: SnippetClient) => SNIPPET_CLIENTS.find((c) => c.id === client)?.label ?? client;

// Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
function moveTab(event: React.KeyboardEvent<HTMLButtonElement>, current: SnippetClient, select: (client: SnippetClient) => void) {
  const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
  if (step === 0) return;
  event.preventDefault();
  const index = SNIPPET_CLIENTS.findIndex((c) => c.id === current);
  const next = SNIPPET_CLIENTS[(index + step + SNIPPET_CLIENTS.length) % SNIPPET_CLIENTS.length]?.id ?? current;
  select(next);
  document.getElementById(`snippet-tab-${next}`)?.focus();
}

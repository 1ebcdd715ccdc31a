"use client";

import { useState } from "react";
import { Button } from "./button";

/** A secret shown exactly once, with a copy button; it is gone once this closes. */
export function SecretOnce({ secret, label }: { secret: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <p className="text-sm text-amber-800">Copy it now: it will not be shown again.</p>
      <div className="flex items-center gap-2">
        <code aria-label={label} data-testid="secret-once" className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1.5 font-mono text-sm">{secret}</code>
        <Button onClick={() => navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))}>{copied ? "Copied" : "Copy"}</Button>
      </div>
    </div>
  );
}

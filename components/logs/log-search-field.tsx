"use client";

// The Logs text search: applied when typing pauses (or on Enter), so that each keystroke does
// not become a query and a history entry.
import { useEffect, useState } from "react";
import { TextField } from "@/components/ui/field";

const PAUSE_MS = 400;

export function LogSearchField({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const [text, setText] = useState(value ?? "");
  // Back, forward or a link changed the search: show it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value ?? "");
  }
  useEffect(() => {
    const next = text.trim() || null;
    if (next === value) return;
    const timer = setTimeout(() => onChange(next), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="sm:col-span-2">
      <TextField
        label="Search"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === "Enter") onChange(text.trim() || null); }}
        placeholder="Prompt or answer text, request id, model, key"
        hint="Looks in stored prompts and answers from From on (else the last 7 days, at most 31)"
      />
    </div>
  );
}

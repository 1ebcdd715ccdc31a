"use client";

// Short notices of what an action did ("Key revoked"), stacked in a corner and gone after a few
// seconds. Successes are a polite status, failures an alert; each can be dismissed with its
// button or Escape while it has the focus.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

type Tone = "success" | "error";
interface Toast {
  id: number;
  tone: Tone;
  message: string;
}

export interface Toaster {
  success: (message: string) => void;
  error: (message: string) => void;
}

/** Long enough to read a sentence; failures stay longer since they usually need an action. */
const SHOWN_MS: Record<Tone, number> = { success: 5000, error: 9000 };

const ToastContext = createContext<Toaster | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((tone: Tone, message: string) => {
    const id = nextId.current++;
    setToasts((all) => [...all, { id, tone, message }]);
    setTimeout(() => dismiss(id), SHOWN_MS[tone]);
  }, [dismiss]);
  const toaster = useMemo<Toaster>(() => ({ success: (m) => show("success", m), error: (m) => show("error", m) }), [show]);
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            data-testid="toast"
            onKeyDown={(e) => e.key === "Escape" && dismiss(t.id)}
            className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-lg ${t.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800"}`}
          >
            <p className="min-w-0 flex-1">{t.message}</p>
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)} className="rounded px-1 leading-none hover:bg-black/5 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400">×</button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error("useToast needs a ToastProvider above it");
  return toaster;
}

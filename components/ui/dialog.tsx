"use client";

// A modal panel (or side drawer) that takes focus, keeps Tab and Shift+Tab inside it, closes on
// Escape and gives focus back.
import { useEffect, useRef, type ReactNode } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Wraps Tab from the last control to the first (and Shift+Tab back) in the top-most open dialog. */
function keepTabInside(panel: HTMLElement, event: KeyboardEvent): void {
  const modals = document.querySelectorAll('[aria-modal="true"]');
  if (modals[modals.length - 1] !== panel) return;
  const controls = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  const active = document.activeElement;
  if (controls.length === 0) {
    event.preventDefault();
    return;
  }
  const [first, last] = [controls[0]!, controls[controls.length - 1]!];
  const outside = !panel.contains(active);
  if (event.shiftKey && (outside || active === first || active === panel)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (outside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

/** `alertdialog` for a question that interrupts (a confirmation), `dialog` for a form or a detail. */
export function Dialog({ title, onClose, children, side = false, role = "dialog" }: { title: string; onClose: () => void; children: ReactNode; side?: boolean; role?: "dialog" | "alertdialog" }) {
  const panel = useRef<HTMLDivElement>(null);
  // The latest onClose, read when Escape is pressed: callers pass a new function on every
  // render, and re-running the effect below for it would pull the focus out of the field
  // being typed in whenever the page behind the dialog re-renders.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close.current();
      else if (e.key === "Tab" && panel.current) keepTabInside(panel.current, e);
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      previous?.focus();
    };
  }, []);
  return (
    <div className="fixed inset-0 z-40 flex bg-black/40" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={panel}
        role={role}
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        className={side ? "ml-auto h-full w-full max-w-xl overflow-y-auto bg-white p-6 shadow-xl focus:outline-none" : "m-auto max-h-[90vh] w-full max-w-lg overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none"}
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 className="text-lg font-semibold">{title}</h2>
          <button type="button" onClick={onClose} aria-label="Close" className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100">×</button>
        </div>
        {children}
      </div>
    </div>
  );
}

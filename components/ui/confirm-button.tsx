"use client";

// A button whose action needs a second yes (revoke, delete, restore): it asks in the console's
// own dialog, which says what will happen, can be read by screen readers and styled, unlike
// the browser's native confirm.
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

interface Props {
  /** The dialog's title, a question ("Revoke key ci-bot?"). */
  title: string;
  /** What happens if the user says yes. */
  message: ReactNode;
  /** The confirm button's text, the verb of the action ("Revoke"). */
  confirmLabel: string;
  onConfirm: () => void;
  variant?: "secondary" | "danger";
  disabled?: boolean;
  /** The trigger's accessible name when its text alone is ambiguous in a list. */
  ariaLabel?: string;
  className?: string;
  children: ReactNode;
}

export function ConfirmButton({ title, message, confirmLabel, onConfirm, variant = "secondary", disabled, ariaLabel, className, children }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} disabled={disabled} aria-label={ariaLabel} className={className} onClick={() => setOpen(true)}>{children}</Button>
      {open && (
        <Dialog role="alertdialog" title={title} onClose={() => setOpen(false)}>
          <div className="text-sm text-slate-700">{message}</div>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant={variant === "danger" ? "danger" : "primary"} onClick={() => { setOpen(false); onConfirm(); }}>{confirmLabel}</Button>
          </div>
        </Dialog>
      )}
    </>
  );
}

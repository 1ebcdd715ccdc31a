import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-400";

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
}

function FieldShell({ id, label, error, hint, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {children}
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}

/** The id the label points at, and a link to the error message (when there is one) so that screen readers announce it with the control. */
function useControlProps(error: string | undefined) {
  const id = useId();
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined, className: CONTROL };
}

export function TextField({ label, error, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const control = useControlProps(error);
  return (
    <FieldShell id={control.id} label={label} error={error} hint={hint}>
      <input {...control} {...props} />
    </FieldShell>
  );
}

export function TextAreaField({ label, error, hint, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const control = useControlProps(error);
  return (
    <FieldShell id={control.id} label={label} error={error} hint={hint}>
      <textarea {...control} {...props} />
    </FieldShell>
  );
}

export function SelectField({ label, error, hint, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const control = useControlProps(error);
  return (
    <FieldShell id={control.id} label={label} error={error} hint={hint}>
      <select {...control} {...props}>
        {children}
      </select>
    </FieldShell>
  );
}

// The pieces every form here is made of: a labelled field with its error under it, the form-level
// message and the submit button that shows it is working. Forms post to server actions through
// useActionState; these components only render.
import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: ReactNode; error?: string };

export function Field({ name, label, error, ...input }: FieldProps) {
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={`${name}-error`}
        className="w-full rounded-md border border-slate-300 px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500"
        {...input}
      />
      <p id={`${name}-error`} className="mt-1 text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}

/** The message of a failed submission that is not about one field. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
      {message}
    </p>
  );
}

export function SubmitButton({ pending, children, pendingText }: { pending: boolean; children: ReactNode; pendingText: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className="w-full rounded-md bg-brand-600 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
    >
      {pending ? pendingText : children}
    </button>
  );
}

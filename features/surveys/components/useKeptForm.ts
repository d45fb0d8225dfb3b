"use client";
// The management forms' common wiring: the server action through useActionState, its field errors, and a
// submit that keeps what was typed when the server refuses (React resets a form whose `action` ran; here
// the form data is dispatched from onSubmit instead) and clears the form once the server accepts.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";

export function useKeptForm<T>(action: (previous: unknown, payload: FormData) => Promise<ActionResult<T>>, onSuccess?: () => void) {
  const [state, dispatch, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const invalid = (name: string) => Boolean(errors[name]?.length) || undefined;
  const success = useRef(onSuccess);
  success.current = onSuccess;

  useEffect(() => {
    if (!state?.ok) return;
    form.current?.reset();
    success.current?.();
  }, [state]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };

  return { state, dispatch, pending, form, errors, invalid, submit };
}

// A tiny form helper: values, per-field errors (from client checks or ApiError.fieldErrors),
// a form-level error, and a submit handler that maps a thrown ApiError onto the fields.
import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';

export type FieldErrors = Record<string, string>;

export interface UseFormOptions<T> {
  /** Client-side checks run before submitting; return a message per bad field (empty when fine). */
  validate?: (values: T) => FieldErrors;
}

/** Binding for TextField, TextArea and Select on a string-valued field. */
export interface TextBinding {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
}

export const CHECK_FIELDS = 'Check the highlighted fields and try again.';

export function useForm<T extends object>(initial: T, options: UseFormOptions<T> = {}) {
  const [values, setAll] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** Failed submits so far: pass it to FormError's focusKey. */
  const [failures, setFailures] = useState(0);
  const validate = useRef(options.validate);
  validate.current = options.validate;

  const set = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setAll((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const { [name as string]: _cleared, ...rest } = prev;
      return rest;
    });
  }, []);

  /** Replace several values at once (e.g. when data to edit arrives); clears errors. */
  const reset = useCallback((next: T) => {
    setAll(next);
    setErrors({});
    setFormError(null);
  }, []);

  const text = (name: keyof T & string): TextBinding => ({
    name,
    value: String(values[name] ?? ''),
    error: errors[name],
    onChange: (event) => set(name, event.target.value as T[typeof name]),
  });

  /** `onSubmit={handleSubmit(async (values) => ...)}`: validates, runs, and maps errors. */
  const handleSubmit = (action: (values: T) => Promise<void>) => async (event?: FormEvent) => {
    event?.preventDefault();
    if (submitting) return;
    const found = validate.current?.(values) ?? {};
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setFormError(CHECK_FIELDS);
      setFailures((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    try {
      await action(values);
    } catch (error) {
      setFailures((n) => n + 1);
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors);
        setFormError(Object.keys(error.fieldErrors).length > 0 ? CHECK_FIELDS : error.detail);
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return { values, set, reset, text, errors, setErrors, formError, setFormError, submitting, failures, handleSubmit };
}

export type FormApi<T extends object> = ReturnType<typeof useForm<T>>;

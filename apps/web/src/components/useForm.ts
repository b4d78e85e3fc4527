// The form state of every form, kept by react-hook-form behind the accessible field components:
// values, client checks (`validate`, run as RHF's resolver), per-field errors (also those of a
// 400's ApiError.fieldErrors, keyed by the request path, e.g. `mentor.capacity`), a form-level
// error and the submit lifecycle. Field names are value paths: a nested value `mentor.capacity`
// is both the form's field and the API's.
import { useCallback, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  useForm as useHookForm,
  type DefaultValues,
  type FieldErrors as HookFieldErrors,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
} from 'react-hook-form';
import { ApiError, errorMessage } from '../api/client';

/** A message per bad field, keyed by the field's path. */
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

/** RHF keeps errors nested like the values; the summary and the fields want them by path. */
function flatten(errors: HookFieldErrors, prefix = ''): FieldErrors {
  const flat: FieldErrors = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value.message === 'string' && value.message) flat[path] = value.message;
    else Object.assign(flat, flatten(value as HookFieldErrors, path));
  }
  return flat;
}

/** The other way: `{ 'mentor.capacity': 'too many' }` as RHF's nested error object. */
function nest<T extends FieldValues>(errors: FieldErrors): HookFieldErrors<T> {
  const nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let node = nested;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = { type: 'validate', message };
  }
  return nested as HookFieldErrors<T>;
}

export function useForm<T extends FieldValues>(initial: T, options: UseFormOptions<T> = {}) {
  const { validate } = options;
  const resolver: Resolver<T> = async (values) => {
    const found = validate?.(values) ?? {};
    return Object.keys(found).length > 0 ? { values: {}, errors: nest<T>(found) } : { values, errors: {} };
  };
  // The error summary takes focus (FormError), so RHF must not move it to a field as well.
  const hook = useHookForm<T>({ defaultValues: initial as DefaultValues<T>, resolver, shouldFocusError: false });
  const [formError, setFormError] = useState<string | null>(null);
  /** Failed submits so far: pass it to FormError's focusKey. */
  const [failures, setFailures] = useState(0);
  const values = hook.watch();
  const errors = flatten(hook.formState.errors);
  const { setValue, clearErrors, setError } = hook;

  const set = useCallback(
    <P extends Path<T>>(name: P, value: PathValue<T, P>) => {
      setValue(name, value, { shouldDirty: true });
      clearErrors(name);
    },
    [setValue, clearErrors],
  );

  /** Replace every value (e.g. when data to edit arrives, or after a save); clears errors. */
  const reset = useCallback(
    (next: T) => {
      hook.reset(next);
      setFormError(null);
    },
    [hook],
  );

  /** Show these messages beside their fields (paths), e.g. from a server answer. */
  const setErrors = useCallback(
    (found: FieldErrors) => {
      clearErrors();
      for (const [path, message] of Object.entries(found)) setError(path as Path<T>, { type: 'server', message });
    },
    [clearErrors, setError],
  );

  const text = (name: Path<T>): TextBinding => ({
    name,
    value: String(hook.getValues(name) ?? ''),
    error: errors[name],
    onChange: (event) => set(name, event.target.value as PathValue<T, Path<T>>),
  });

  /** `onSubmit={handleSubmit(async (values) => ...)}`: validates, runs, and maps errors. */
  const handleSubmit = (action: (values: T) => Promise<void>) => (event?: FormEvent) =>
    hook.handleSubmit(
      async (valid) => {
        setFormError(null);
        try {
          await action(valid);
        } catch (error) {
          setFailures((n) => n + 1);
          if (error instanceof ApiError) {
            setErrors(error.fieldErrors);
            setFormError(Object.keys(error.fieldErrors).length > 0 ? CHECK_FIELDS : error.detail);
          } else {
            setFormError(errorMessage(error));
          }
        }
      },
      () => {
        setFormError(CHECK_FIELDS);
        setFailures((n) => n + 1);
      },
    )(event);

  return {
    values,
    set,
    reset,
    text,
    errors,
    setErrors,
    formError,
    setFormError,
    submitting: hook.formState.isSubmitting,
    failures,
    handleSubmit,
  };
}

export type FormApi<T extends FieldValues> = ReturnType<typeof useForm<T>>;

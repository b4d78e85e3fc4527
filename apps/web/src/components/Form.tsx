// Form controls with a label, a hint and an error shown next to the field. Each control gets
// aria-invalid and aria-describedby (hint + error), so screen readers read the error with the field.
import {
  useEffect,
  useId,
  useRef,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { cx } from './cx';

/** The element id a field named `name` gets, so the error summary can link to it. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** `mentor.capacity` -> "Mentor capacity": a readable name for a field the summary has no label for. */
export function humaniseField(name: string): string {
  const words = name
    .split('.')
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Server messages name no subject ("is already registered"): beside the field they start with the
 * field's label when it is plain text ("Email is already registered"), else with a capital.
 */
function sentence(message: string, label: ReactNode): string {
  if (/^[a-z]/.test(message) && typeof label === 'string') return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export interface Option {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface FieldTextProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
}

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function describedBy(id: string, hint: ReactNode, error: string | null | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className="field-hint">
      {children}
    </div>
  );
}

function ErrorText({ id, error, label }: { id: string; error: string; label: ReactNode }) {
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">Error: </span>
      {sentence(error, label)}
    </p>
  );
}

function LabelText({ label, optional }: { label: ReactNode; optional?: boolean }) {
  return (
    <>
      {label}
      {optional && <span className="field-optional"> (optional)</span>}
    </>
  );
}

export interface FieldProps extends FieldTextProps {
  id: string;
  className?: string;
  /** Renders the control, given the id and ARIA attributes it must carry. */
  children: (control: ControlProps) => ReactNode;
}

/** Label, hint and error around any single control. */
export function Field({ id, label, hint, error, optional, className, children }: FieldProps) {
  return (
    <div className={cx('field', error && 'field-has-error', className)}>
      <label htmlFor={id} className="field-label">
        <LabelText label={label} optional={optional} />
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
      {error && <ErrorText id={id} error={error} label={label} />}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) })}
    </div>
  );
}

function useFieldId(id: string | undefined, name: string | undefined): string {
  const generated = useId();
  return id ?? (name ? fieldId(name) : generated);
}

export type TextFieldProps = FieldTextProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>;

export function TextField({ label, hint, error, optional, id, name, className, type = 'text', ...input }: TextFieldProps) {
  const fid = useFieldId(id, name);
  return (
    <Field id={fid} label={label} hint={hint} error={error} optional={optional}>
      {(control) => <input {...input} {...control} name={name} type={type} className={cx('input', className)} />}
    </Field>
  );
}

export type TextAreaProps = FieldTextProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'>;

export function TextArea({ label, hint, error, optional, id, name, className, rows = 5, ...textarea }: TextAreaProps) {
  const fid = useFieldId(id, name);
  return (
    <Field id={fid} label={label} hint={hint} error={error} optional={optional}>
      {(control) => <textarea {...textarea} {...control} name={name} rows={rows} className={cx('input', className)} />}
    </Field>
  );
}

export type SelectProps = FieldTextProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
    options: readonly { value: string; label: string }[];
    /** A first, empty choice (value ''), e.g. "Choose a sector" or "Any region". */
    placeholder?: string;
  };

export function Select({ label, hint, error, optional, id, name, className, options, placeholder, ...select }: SelectProps) {
  const fid = useFieldId(id, name);
  return (
    <Field id={fid} label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <select {...select} {...control} name={name} className={cx('input', 'select', className)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export type CheckboxProps = Omit<FieldTextProps, 'optional'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'>;

/** One checkbox with its label beside it (a yes/no choice such as "I offer mentoring"). */
export function Checkbox({ label, hint, error, id, name, className, ...input }: CheckboxProps) {
  const fid = useFieldId(id, name);
  return (
    <div className={cx('field', 'choice', error && 'field-has-error', className)}>
      {error && <ErrorText id={fid} error={error} label={label} />}
      <input
        {...input}
        id={fid}
        name={name}
        type="checkbox"
        className="choice-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
      />
      <label htmlFor={fid} className="choice-label">
        {label}
      </label>
      {hint && <Hint id={fid}>{hint}</Hint>}
    </div>
  );
}

interface GroupProps extends FieldTextProps {
  /** Used for the inputs' name and, through fieldId(), the group's id. */
  name: string;
  options: readonly Option[];
  id?: string;
  /** Lay the choices out in columns (long lists such as support areas). */
  columns?: boolean;
  /** Lay the choices out in a row (short lists such as yes / no). */
  inline?: boolean;
  className?: string;
}

function Group({
  id,
  label,
  hint,
  error,
  optional,
  columns,
  inline,
  className,
  children,
}: Omit<GroupProps, 'name' | 'options'> & { id: string; children: ReactNode }) {
  return (
    <fieldset
      id={id}
      className={cx('field', 'fieldset', error && 'field-has-error', className)}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field-label">
        <LabelText label={label} optional={optional} />
      </legend>
      {hint && <Hint id={id}>{hint}</Hint>}
      {error && <ErrorText id={id} error={error} label={label} />}
      <div className={cx('choices', columns && 'choices-columns', inline && 'choices-inline')}>{children}</div>
    </fieldset>
  );
}

export interface CheckboxGroupProps extends GroupProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/** A multi-picker (sectors, support areas): a fieldset of checkboxes; `value` keeps the options' order. */
/** One checkbox or radio button of a group, with its label and optional hint. */
function Choice({
  type,
  id,
  name,
  option,
  checked,
  onChange,
  invalid,
}: {
  type: 'checkbox' | 'radio';
  id: string;
  name: string;
  option: Option;
  checked: boolean;
  onChange: (checked: boolean) => void;
  invalid: boolean;
}) {
  return (
    <div className="choice">
      <input
        id={id}
        type={type}
        className="choice-input"
        name={name}
        value={option.value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={option.hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id} className="choice-label">
        {option.label}
      </label>
      {option.hint && <Hint id={id}>{option.hint}</Hint>}
    </div>
  );
}

export function CheckboxGroup({ name, options, value, onChange, id, ...group }: CheckboxGroupProps) {
  const gid = id ?? fieldId(name);
  const toggle = (slug: string, on: boolean) => {
    const chosen = new Set(value);
    if (on) chosen.add(slug);
    else chosen.delete(slug);
    onChange(options.map((o) => o.value).filter((v) => chosen.has(v)));
  };
  return (
    <Group id={gid} {...group}>
      {options.map((o, i) => (
        <Choice
          key={o.value}
          type="checkbox"
          id={`${gid}-${i}`}
          name={name}
          option={o}
          checked={value.includes(o.value)}
          onChange={(on) => toggle(o.value, on)}
          invalid={!!group.error}
        />
      ))}
    </Group>
  );
}

export interface RadioGroupProps extends GroupProps {
  value: string;
  onChange: (value: string) => void;
}

/** One choice of a few (yes / no, kind of organisation): a fieldset of radio buttons. */
export function RadioGroup({ name, options, value, onChange, id, ...group }: RadioGroupProps) {
  const gid = id ?? fieldId(name);
  return (
    <Group id={gid} {...group}>
      {options.map((o, i) => (
        <Choice
          key={o.value}
          type="radio"
          id={`${gid}-${i}`}
          name={name}
          option={o}
          checked={value === o.value}
          onChange={() => onChange(o.value)}
          invalid={!!group.error}
        />
      ))}
    </Group>
  );
}

export interface FormErrorProps {
  /** The form-level message (ApiError.detail, or "Check the highlighted fields"). */
  error?: string | null;
  /** Field errors, keyed by field name; each links to its field. */
  fieldErrors?: Record<string, string>;
  /** Readable field names for server messages that start without a subject ("must be ..."). */
  labels?: Record<string, string>;
  title?: string;
  /** Change it (useForm's `failures`) to move focus to the summary again, e.g. after each failed submit. */
  focusKey?: number;
}

/** The error summary at the top of a form: takes focus when it appears; its links move to the fields. */
export function FormError({ error, fieldErrors = {}, labels = {}, title = 'There is a problem', focusKey }: FormErrorProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors);
  const visible = Boolean(error) || entries.length > 0;

  // Focus when the summary appears or a submit fails again, never while the person is fixing a field.
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);

  if (!visible) return null;

  const jump = (event: MouseEvent<HTMLAnchorElement>, name: string) => {
    const target = document.getElementById(fieldId(name));
    if (!target) return;
    event.preventDefault();
    const focusable = target.matches('input, select, textarea') ? target : target.querySelector<HTMLElement>('input, select, textarea');
    (focusable ?? target).focus();
    target.scrollIntoView({ block: 'center' });
  };

  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={ref} aria-labelledby="form-error-title">
      <p className="form-error-title" id="form-error-title">
        {title}
      </p>
      {error && <p>{error}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} onClick={(e) => jump(e, name)}>
                {/^[a-z]/.test(message) ? `${labels[name] ?? humaniseField(name)} ${message}` : message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

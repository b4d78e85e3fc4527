// An inline confirmation for a consequential action (suspend, reject, apply a round): the question
// takes focus, says what will happen, and nothing happens until the person confirms.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button';

export interface ConfirmProps {
  /** The question, e.g. "Suspend Ana Silva?" */
  title: string;
  /** What will happen, in plain words. */
  children?: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  busy?: boolean;
  /** A submit with the confirm button: extra fields (a reason) go in children. */
  onConfirm: () => void;
  onCancel: () => void;
}

export function Confirm({ title, children, confirmLabel, variant = 'primary', busy = false, onConfirm, onCancel }: ConfirmProps) {
  const headingId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('h2, h3')?.focus();
  }, []);
  return (
    <form
      ref={ref}
      className="confirm card"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id={headingId} tabIndex={-1}>
        {title}
      </h3>
      {children}
      <div className="button-row">
        <Button type="submit" variant={variant} busy={busy}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

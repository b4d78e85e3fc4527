// Small presentational pieces: page title, card, badge, alert, empty state, spinner, tabs.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { cx } from './cx';

export const SITE_NAME = 'Mutuals Network';

export interface PageTitleProps {
  title: string;
  /** A sentence under the heading. */
  lead?: ReactNode;
  /** Buttons or links shown beside the heading. */
  actions?: ReactNode;
}

/** The page's one h1; also sets document.title. */
export function PageTitle({ title, lead, actions }: PageTitleProps) {
  useEffect(() => {
    document.title = `${title} · ${SITE_NAME}`;
  }, [title]);
  return (
    <div className="page-title">
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      {actions && <div className="page-title-actions">{actions}</div>}
    </div>
  );
}

export interface CardProps {
  title?: ReactNode;
  /** Heading level of the title: 2 (default) or 3. */
  level?: 2 | 3;
  footer?: ReactNode;
  className?: string;
  children?: ReactNode;
}

export function Card({ title, level = 2, footer, className, children }: CardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('card', className)}>
      {title && <Heading className="card-title">{title}</Heading>}
      {children}
      {footer && <div className="card-footer">{footer}</div>}
    </section>
  );
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cx('badge', `badge-${tone}`)}>{children}</span>;
}

export interface AlertProps {
  tone?: Exclude<Tone, 'neutral'>;
  title?: ReactNode;
  children?: ReactNode;
  /** `status` (polite, default) or `alert` (assertive, for errors); `none` for static notices. */
  role?: 'status' | 'alert' | 'none';
}

/**
 * What an action on a page came to: a success notice announced politely (the live region stays in
 * the page so screen readers hear it change) and a failure as an alert.
 */
export function ActionFeedback({ notice, error }: { notice: ReactNode; error: unknown }) {
  return (
    <>
      <div aria-live="polite" className="live-region">
        {notice && (
          <Alert tone="success" role="none">
            {notice}
          </Alert>
        )}
      </div>
      {error ? (
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      ) : null}
    </>
  );
}

export function Alert({ tone = 'info', title, children, role = 'status' }: AlertProps) {
  return (
    <div className={cx('alert', `alert-${tone}`)} role={role === 'none' ? undefined : role}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** A button or link that gets the person moving again. */
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children && <div className="empty-state-body">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}

/** A loading indicator announced to screen readers. */
export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="spinner-block" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export interface TabItem<K extends string> {
  id: K;
  label: ReactNode;
}

export interface TabsProps<K extends string> {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (id: K) => void;
  /** The selected tab's panel. */
  children: ReactNode;
  idPrefix?: string;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; one panel shows the selected tab. */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children, idPrefix = 'tabs' }: TabsProps<K>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = tabs.findIndex((t) => t.id === selected);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + tabs.length) % tabs.length;
    onSelect(tabs[next].id);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${selected}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}

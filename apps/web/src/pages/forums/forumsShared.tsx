import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { FORUM_REACTIONS, type ForumPreviewView, type ForumReaction } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { Button, FormError, Tabs, TextArea } from '../../components';

export const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export const REACTIONS = Object.entries(FORUM_REACTIONS) as [ForumReaction, string][];
export const REACTION_NAMES: Record<ForumReaction, string> = {
  'thumbs-up': 'Thumbs up',
  heart: 'Heart',
  tada: 'Celebrate',
  laugh: 'Laugh',
  thinking: 'Thinking',
  clap: 'Applause',
};

/** Plain text of stored, sanitised HTML; DOMParser runs no scripts and loads nothing. */
export function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
}

/** The quote the composer puts at the top of a reply; the server shows it only while the post is visible. */
export function quoteOf(handle: string, bodyHtml: string): string {
  const lines = textOf(bodyHtml)
    .split('\n')
    .filter((l) => l.trim() !== '');
  return `> **@${handle}** wrote:\n${lines.map((l) => `> ${l}`).join('\n')}\n\n`;
}

export interface ComposerProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  submitLabel: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  idPrefix: string;
}

/** Markdown with Write and Preview tabs; the preview comes from the server's renderer. */
export function Composer({ label, value, onChange, submitLabel, onSubmit, onCancel, idPrefix }: ComposerProps) {
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const preview = useMutation({ mutationFn: (body: string) => api.post<ForumPreviewView>('/forums/preview', { body }) });
  const send = useMutation({ mutationFn: onSubmit, onSuccess: () => setTab('write') });

  const select = (next: 'write' | 'preview') => {
    setTab(next);
    if (next === 'preview') preview.mutate(value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(value);
  };

  return (
    <form className="forum-composer" onSubmit={submit} noValidate>
      {send.error ? <FormError error={errorMessage(send.error)} /> : null}
      <Tabs
        label={`${label}: write or preview`}
        idPrefix={idPrefix}
        selected={tab}
        onSelect={select}
        tabs={[
          { id: 'write', label: 'Write' },
          { id: 'preview', label: 'Preview' },
        ]}
      >
        {tab === 'write' ? (
          <TextArea
            label={label}
            hint="Markdown: **bold**, _italic_, > quote, - list, [link](https://…), @handle to mention"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            rows={6}
          />
        ) : preview.error ? (
          <p>{errorMessage(preview.error)}</p>
        ) : !preview.data ? (
          <p>Rendering preview…</p>
        ) : (
          <div className="forum-post-body" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
        )}
      </Tabs>
      <div className="forum-actions">
        <Button type="submit" busy={send.isPending} disabled={value.trim() === ''}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

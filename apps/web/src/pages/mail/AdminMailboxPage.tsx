import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailStatus, MailView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { mailKeys, mailQuery, mailboxQuery } from '../../api/mail';
import { pageItems } from '../../api/queryClient';
import { Alert, Button, EmptyState, LoadMore, PageTitle, Select, Spinner } from '../../components';

const STATUSES: { value: MailStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'dead', label: 'Dead letters' },
  { value: 'pending', label: 'Waiting' },
  { value: 'sent', label: 'Sent' },
  { value: 'kept', label: 'Kept (no SMTP)' },
  { value: 'skipped', label: 'Skipped' },
];
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '');

/** Every mail the platform wrote: what was sent (or, with no SMTP server, kept), and the dead letters to retry. */
export function AdminMailboxPage() {
  const [status, setStatus] = useState<MailStatus | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(mailboxQuery(status));
  const open = useQuery(mailQuery(openId));
  const retry = useMutation({
    mutationFn: (id: string) => api.post<MailView>(`/admin/mail/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
  const items = pageItems(list.data);

  return (
    <>
      <PageTitle title="Mailbox" lead="Mail the platform sent or kept, and mail that could not be delivered." />
      <Select name="status" label="Show" value={status} options={STATUSES} onChange={(e) => setStatus(e.target.value as MailStatus | '')} />
      {list.isPending && <Spinner />}
      {list.error && (
        <Alert tone="danger" title="Could not load the mailbox">
          {errorMessage(list.error)}
        </Alert>
      )}
      {retry.error && (
        <Alert tone="danger" title="Could not retry">
          {errorMessage(retry.error)}
        </Alert>
      )}
      {list.data && items.length === 0 && <EmptyState title="No mail">Nothing here yet.</EmptyState>}
      {items.length > 0 && (
        <ul className="notification-list">
          {items.map((mail) => (
            <li key={mail.id} className="notification">
              <Button variant="secondary" onClick={() => setOpenId(openId === mail.id ? null : mail.id)} aria-expanded={openId === mail.id}>
                {mail.subject ?? mail.kind}
              </Button>
              <p className="notification-body">
                {mail.status} · to {mail.to ?? 'not rendered yet'} · {when(mail.createdAt)} · {mail.attempts} attempt
                {mail.attempts === 1 ? '' : 's'}
                {mail.lastError ? ` · ${mail.lastError}` : ''}
              </p>
              {mail.status === 'dead' && (
                <Button onClick={() => retry.mutate(mail.id)} disabled={retry.isPending}>
                  Retry
                </Button>
              )}
              {openId === mail.id && open.data && <pre className="mail-text">{open.data.text}</pre>}
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={list} />
    </>
  );
}

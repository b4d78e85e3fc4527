// Mail: the member's notification preferences, the unsubscribe link's grant, and the
// coordinators' mailbox (a cursor list) with one mail opened at a time.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { MailPage, MailStatus, MailView, NotificationPreferencesView, UnsubscribeView } from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';

export const mailKeys = {
  all: ['mail'] as const,
  preferences: () => [...mailKeys.all, 'preferences'] as const,
  unsubscribe: (token: string) => [...mailKeys.all, 'unsubscribe', token] as const,
  mailbox: (status: MailStatus | '') => [...mailKeys.all, 'mailbox', status] as const,
  mail: (id: string) => [...mailKeys.all, 'mailbox', 'one', id] as const,
};

export const notificationPreferencesQuery = () =>
  queryOptions({
    queryKey: mailKeys.preferences(),
    queryFn: ({ signal }) => api.get<NotificationPreferencesView>('/me/notification-preferences', { signal }),
  });

export const unsubscribeQuery = (token: string) =>
  queryOptions({
    queryKey: mailKeys.unsubscribe(token),
    queryFn: ({ signal }) => api.get<UnsubscribeView>('/mail/unsubscribe', { query: { token }, signal }),
    enabled: token !== '',
  });

export const mailboxQuery = (status: MailStatus | '') =>
  infiniteQueryOptions({
    queryKey: mailKeys.mailbox(status),
    queryFn: ({ pageParam, signal }) => api.get<MailPage>('/admin/mail', { query: { status, limit: 30, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const mailQuery = (id: string | null) =>
  queryOptions({
    queryKey: mailKeys.mail(id ?? ''),
    queryFn: ({ signal }) => api.get<MailView>(`/admin/mail/${id}`, { signal }),
    enabled: id !== null,
  });

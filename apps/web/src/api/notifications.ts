// Notifications: the feed (a cursor list) and the header's unread count, both kept live by the
// `notification` socket event.
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { NotificationFeedPage, NotificationView } from '@mutuals/contracts';
import { api } from './client';
import { cursorPaging } from './queryClient';
import { sessionKeys } from './session';

export const notificationKeys = {
  all: ['notifications'] as const,
  feed: () => [...notificationKeys.all, 'feed'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
};

export const notificationFeedQuery = () =>
  infiniteQueryOptions({
    queryKey: notificationKeys.feed(),
    queryFn: ({ pageParam, signal }) => api.get<NotificationFeedPage>('/notifications', { query: { limit: 30, cursor: pageParam }, signal }),
    ...cursorPaging,
  });

export const unreadNotificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: async ({ signal }) => (await api.get<NotificationFeedPage>('/notifications', { query: { unread: true, limit: 1 }, signal })).unreadCount,
  });

/** Marks some (or, without ids, all) as read, then reloads the feed and the count. */
export async function markNotificationsRead(client: QueryClient, ids?: string[]): Promise<void> {
  await api.post('/notifications/read', ids ? { ids } : { all: true });
  await client.invalidateQueries({ queryKey: notificationKeys.all });
}

/**
 * A live notification: the count and the feed reload, and news about the account reloads the session.
 * The count is asked again rather than incremented: a load already in flight (the page's first) may
 * or may not include this notification, and adding one to it would count it twice or not at all.
 */
export function notificationArrived(client: QueryClient, notification: NotificationView): void {
  void client.invalidateQueries({ queryKey: notificationKeys.unread() });
  void client.invalidateQueries({ queryKey: notificationKeys.feed() });
  // Approval (or any change to the account) changes what the member may do: no reload needed.
  if (notification.kind.startsWith('account.')) void client.invalidateQueries({ queryKey: sessionKeys.me });
}

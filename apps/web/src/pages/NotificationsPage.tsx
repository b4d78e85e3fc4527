import { Link } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '@mutuals/contracts';
import { errorMessage } from '../api/client';
import { markNotificationsRead, notificationFeedQuery } from '../api/notifications';
import { pageItems } from '../api/queryClient';
import { Alert, Button, EmptyState, LoadMore, PageTitle, Spinner } from '../components';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function NotificationsPage() {
  const client = useQueryClient();
  const feed = useInfiniteQuery(notificationFeedQuery());
  const items = feed.data ? pageItems(feed.data) : null;
  const markAllRead = useMutation({ mutationFn: () => markNotificationsRead(client) });

  const open = (item: NotificationView) => {
    if (!item.read) markNotificationsRead(client, [item.id]).catch(() => undefined);
  };

  return (
    <>
      <PageTitle
        title="Notifications"
        lead="Replies, mentions and news about your mentoring."
        actions={
          items?.some((n) => !n.read) ? (
            <Button variant="secondary" busy={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
              Mark all as read
            </Button>
          ) : undefined
        }
      />
      <p>
        <Link to="/settings/notifications">Choose what reaches you, and how</Link>
      </p>
      {(feed.error ?? markAllRead.error) && (
        <Alert tone="danger" title="Could not load notifications">
          {errorMessage(feed.error ?? markAllRead.error)}
        </Alert>
      )}
      {items === null && !feed.error && <Spinner />}
      {items?.length === 0 && (
        <EmptyState title="Nothing yet">
          When someone replies to you, mentions you or answers a mentoring request, it shows up here.
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.read ? 'notification' : 'notification unread'}>
              <Link to={item.link} onClick={() => open(item)}>
                <strong>{item.title}</strong>
              </Link>
              {item.body && <p className="notification-body">{item.body}</p>}
              <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
              {!item.read && <span className="visually-hidden"> (unread)</span>}
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={feed} label="Show older" />
    </>
  );
}

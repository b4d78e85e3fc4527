import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { NotificationFeedPage, NotificationView } from '@mutuals/contracts';
import { api, errorMessage } from '../api/client';
import { useSocketEvent } from '../api/socket';
import { Alert, Button, EmptyState, PageTitle, Spinner } from '../components';
import { NOTIFICATIONS_READ_EVENT } from '../components/NotificationsLink';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function NotificationsPage() {
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (after?: string) => {
    try {
      const page = await api.get<NotificationFeedPage>('/notifications', { query: { limit: 30, cursor: after } });
      setItems((current) => (after && current ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useSocketEvent('notification', useCallback(() => void load(), [load]));

  const markAllRead = async () => {
    await api.post('/notifications/read', { all: true });
    setItems((current) => current?.map((n) => ({ ...n, read: true })) ?? null);
    window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
  };

  const open = async (item: NotificationView) => {
    if (item.read) return;
    await api.post('/notifications/read', { ids: [item.id] }).catch(() => undefined);
    window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
  };

  return (
    <>
      <PageTitle
        title="Notifications"
        lead="Replies, mentions and news about your mentoring."
        actions={items?.some((n) => !n.read) ? <Button variant="secondary" onClick={markAllRead}>Mark all as read</Button> : undefined}
      />
      <p><Link to="/settings/notifications">Choose what reaches you, and how</Link></p>
      {error && <Alert tone="danger" title="Could not load notifications">{error}</Alert>}
      {items === null && !error && <Spinner />}
      {items?.length === 0 && <EmptyState title="Nothing yet">When someone replies to you, mentions you or answers a mentoring request, it shows up here.</EmptyState>}
      {items && items.length > 0 && (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.read ? 'notification' : 'notification unread'}>
              <Link to={item.link} onClick={() => void open(item)}>
                <strong>{item.title}</strong>
              </Link>
              {item.body && <p className="notification-body">{item.body}</p>}
              <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
              {!item.read && <span className="visually-hidden"> (unread)</span>}
            </li>
          ))}
        </ul>
      )}
      {cursor && <Button variant="secondary" onClick={() => void load(cursor)}>Show older</Button>}
    </>
  );
}

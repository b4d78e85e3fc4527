// The header's notifications link: the unread count, kept live by the `notification` event.
import { useCallback, useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import type { NotificationFeedPage } from '@mutuals/contracts';
import { api } from '../api/client';
import { useSocketEvent } from '../api/socket';

export const NOTIFICATIONS_READ_EVENT = 'mn:notifications-read';

export function NotificationsLink() {
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    api
      .get<NotificationFeedPage>('/notifications', { query: { unread: true, limit: 1 } })
      .then((page) => setUnread(page.unreadCount))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    load();
    window.addEventListener(NOTIFICATIONS_READ_EVENT, load);
    return () => window.removeEventListener(NOTIFICATIONS_READ_EVENT, load);
  }, [load]);
  useSocketEvent('notification', useCallback(() => setUnread((n) => n + 1), []));
  return (
    <NavLink to="/notifications" className="nav-link notifications-link" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      Notifications{unread > 0 && <span className="count-badge" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
    </NavLink>
  );
}

// The header's notifications link with the unread count (kept live by the `notification` event,
// see api/live.ts).
import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router-dom';
import { unreadNotificationsQuery } from '../api/notifications';
import { CountBadge } from './CountBadge';

export function NotificationsLink() {
  const { data: unread = 0 } = useQuery(unreadNotificationsQuery());
  return (
    <NavLink to="/notifications" className="nav-link notifications-link">
      Notifications <CountBadge count={unread} />
    </NavLink>
  );
}

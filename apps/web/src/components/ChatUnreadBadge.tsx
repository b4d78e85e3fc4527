// Unread chat messages across every conversation, from the cached conversation list (kept live by
// chat:message and chat:read, see api/live.ts).
import { useQuery } from '@tanstack/react-query';
import { conversationsQuery, unreadTotal } from '../api/chat';
import { CountBadge } from './CountBadge';

export function useChatUnread(enabled: boolean): number {
  const { data } = useQuery({ ...conversationsQuery(), enabled });
  return unreadTotal(data);
}

export function ChatUnreadBadge() {
  return <CountBadge count={useChatUnread(true)} />;
}

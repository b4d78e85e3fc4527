// Pieces the chat pages share: a conversation's display name, presence dots, and the live
// conversation list (refetched when a message arrives anywhere, presence patched in place).
import { useCallback, useEffect, useState } from 'react';
import type { ConversationView, PresenceBroadcast } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { useSocketEvent, useSocketStatus } from '../../api/socket';
import { cx } from '../../components';

/** Groups and mentorships by title; a direct conversation by the other member's name. */
export function conversationName(conversation: ConversationView, myId: string | undefined): string {
  if (conversation.title) return conversation.title;
  const others = conversation.members.filter((m) => m.id !== myId);
  return others.map((m) => m.displayName).join(', ') || 'Just you';
}

export function PresenceDot({ online, name }: { online: boolean; name: string }) {
  return (
    <span className={cx('presence-dot', online && 'presence-dot-online')} role="img" aria-label={`${name} is ${online ? 'online' : 'offline'}`} />
  );
}

/** Applies a presence event to every conversation's member list. */
export function withPresence(conversations: ConversationView[], event: PresenceBroadcast): ConversationView[] {
  return conversations.map((c) =>
    c.members.some((m) => m.id === event.userId)
      ? { ...c, members: c.members.map((m) => (m.id === event.userId ? { ...m, online: event.online } : m)) }
      : c,
  );
}

export function useConversations() {
  const [conversations, setConversations] = useState<ConversationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .get<ConversationView[]>('/chat/conversations')
      .then((list) => {
        setConversations(list);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);
  useSocketStatus(load);
  useSocketEvent('chat:message', load);
  useSocketEvent('chat:read', load);
  useSocketEvent(
    'presence',
    useCallback((event: PresenceBroadcast) => setConversations((list) => (list ? withPresence(list, event) : list)), []),
  );
  return { conversations, error, reload: load };
}

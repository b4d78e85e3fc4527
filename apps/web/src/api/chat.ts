// Chat: the conversation list, one conversation's details, and the messages a conversation's
// sync engine holds (kept in the cache so a revisited conversation starts from them).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ChatMessageView, ChatReadBroadcast, ConversationView, PresenceBroadcast } from '@mutuals/contracts';
import { api } from './client';

export const chatKeys = {
  all: ['chat'] as const,
  conversations: () => [...chatKeys.all, 'conversations'] as const,
  conversation: (id: string) => [...chatKeys.all, 'conversation', id] as const,
  /** The messages a conversation's sync engine held when last on screen (written, never fetched). */
  history: (id: string) => [...chatKeys.all, 'history', id] as const,
};

export const conversationsQuery = () =>
  queryOptions({
    queryKey: chatKeys.conversations(),
    queryFn: ({ signal }) => api.get<ConversationView[]>('/chat/conversations', { signal }),
  });

export const conversationQuery = (id: string) =>
  queryOptions({
    queryKey: chatKeys.conversation(id),
    queryFn: ({ signal }) => api.get<ConversationView>(`/chat/conversations/${id}`, { signal }),
  });

/** Unread messages from others across every conversation: the header's Chat badge. */
export function unreadTotal(conversations: readonly ConversationView[] | undefined): number {
  return (conversations ?? []).reduce((sum, c) => sum + c.unreadCount, 0);
}

/** A message arrived: it becomes its conversation's last (and unread, when from someone else). */
function withMessage(list: ConversationView[], message: ChatMessageView, myId: string): ConversationView[] | null {
  const target = list.find((c) => c.id === message.conversationId);
  if (!target) return null;
  if (message.seq <= target.lastSeq) return list;
  const updated: ConversationView = {
    ...target,
    lastSeq: message.seq,
    lastMessage: message,
    lastMessageAt: message.createdAt,
    unreadCount: message.senderId === myId ? 0 : target.unreadCount + 1,
  };
  return [updated, ...list.filter((c) => c.id !== target.id)];
}

function withPresence(conversation: ConversationView, event: PresenceBroadcast): ConversationView {
  if (!conversation.members.some((m) => m.id === event.userId)) return conversation;
  return { ...conversation, members: conversation.members.map((m) => (m.id === event.userId ? { ...m, online: event.online } : m)) };
}

function withRead(conversation: ConversationView, event: ChatReadBroadcast, myId: string): ConversationView {
  const members = conversation.members.map((m) => (m.id === event.userId ? { ...m, lastReadSeq: Math.max(m.lastReadSeq, event.seq) } : m));
  const unreadCount = event.userId === myId && event.seq >= conversation.lastSeq ? 0 : conversation.unreadCount;
  return { ...conversation, members, unreadCount };
}

/** Socket events of chat, written into the cached list and conversations. */
export const chatLive = {
  message(client: QueryClient, message: ChatMessageView, myId: string): void {
    const list = client.getQueryData<ConversationView[]>(chatKeys.conversations());
    const next = list && withMessage(list, message, myId);
    // A conversation this tab has not seen yet (a new direct message): ask for the list again.
    if (list && next) client.setQueryData(chatKeys.conversations(), next);
    else void client.invalidateQueries({ queryKey: chatKeys.conversations() });
  },
  read(client: QueryClient, event: ChatReadBroadcast, myId: string): void {
    client.setQueryData<ConversationView[]>(chatKeys.conversations(), (list) => list?.map((c) => (c.id === event.conversationId ? withRead(c, event, myId) : c)));
    client.setQueryData<ConversationView>(chatKeys.conversation(event.conversationId), (c) => c && withRead(c, event, myId));
  },
  presence(client: QueryClient, event: PresenceBroadcast): void {
    client.setQueryData<ConversationView[]>(chatKeys.conversations(), (list) => list?.map((c) => withPresence(c, event)));
    for (const [key, conversation] of client.getQueriesData<ConversationView>({ queryKey: [...chatKeys.all, 'conversation'] })) {
      if (conversation) client.setQueryData(key, withPresence(conversation, event));
    }
  },
};

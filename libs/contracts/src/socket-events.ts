// The socket.io events, by name: what the server pushes and what a client sends (with the
// acknowledgement each answers). RealtimeService takes only the names of ServerSocketEvents, and
// docs/asyncapi.json is generated from these two maps by `npm run openapi`.
import type { ErrorCode } from './errors';
import type { ProblemFieldError, Uuid } from './common';
import type { NotificationView } from './notifications';
import type {
  ChatMessageView,
  ChatReadBroadcast,
  ChatReadEvent,
  ChatSendAck,
  ChatSendEvent,
  ChatSyncAck,
  ChatSyncEvent,
  ChatTypingBroadcast,
  ChatTypingEvent,
  PresenceBroadcast,
} from './chat';
import type { ForumPostCreatedEvent, ForumPostRemovedEvent } from './forums';

/** A new in-app notification, as the feed shows it (unread). */
export type NotificationPush = Omit<NotificationView, 'read'>;

/** Server to client: each event's payload. */
export interface ServerSocketEvents {
  /** To the member, on every socket they have open: a new in-app notification. */
  notification: NotificationPush;
  /** To a conversation's members: a message was stored (the sender's other sockets too). */
  'chat:message': ChatMessageView;
  /** To a conversation's members: a message was edited or deleted (a tombstone). */
  'chat:message.updated': ChatMessageView;
  /** To a conversation's members: someone read up to `seq`. */
  'chat:read': ChatReadBroadcast;
  /** To a conversation's other members: someone is typing. */
  'chat:typing': ChatTypingBroadcast;
  /** To everyone sharing a conversation with the member: they came online or went offline. */
  presence: PresenceBroadcast;
  /** To a watched thread's room: a visible post was added (its Markdown source left out). */
  'forum:post.created': ForumPostCreatedEvent;
  /** To a watched thread's room: a visible post was edited. */
  'forum:post.updated': ForumPostCreatedEvent;
  /** To a watched thread's room: a post was hidden or deleted; drop it from view. */
  'forum:post.removed': ForumPostRemovedEvent;
}

/** Every client event is acknowledged: `{ ok: true, ...result }` or `{ ok: false, error }` with the problem+json code. */
export type SocketAck<Result extends object> =
  ({ ok: true } & Result) | { ok: false; error: { code: ErrorCode | 'restarting'; message: string; errors?: ProblemFieldError[] } };

export interface ConversationRefEvent {
  conversationId: Uuid;
}

export interface ThreadRefEvent {
  threadId: Uuid;
}

/** Client to server: each event's payload and the acknowledgement it answers. */
export interface ClientSocketEvents {
  /** Send a message (as POST /chat/conversations/:id/messages; the same clientId again answers the original). */
  'chat:send': { payload: ChatSendEvent; ack: SocketAck<ChatSendAck> };
  /** Catch up after `afterSeq` (after a reconnect); joins the conversation's room. */
  'chat:sync': { payload: ChatSyncEvent; ack: SocketAck<ChatSyncAck> };
  /** Join a conversation's room (one created elsewhere, after a membership check). */
  'chat:join': { payload: ConversationRefEvent; ack: SocketAck<Record<string, never>> };
  /** Say you are typing (throttled: `sent: false` when too soon after the last). */
  'chat:typing': { payload: ChatTypingEvent; ack: SocketAck<{ sent: boolean }> };
  /** Mark read up to `seq`. */
  'chat:read': { payload: ChatReadEvent; ack: SocketAck<{ seq: number }> };
  /** Watch a thread you may read: receive its forum:post.* events. */
  'forum:watch': { payload: ThreadRefEvent; ack: SocketAck<ThreadRefEvent> };
  /** Stop watching a thread. */
  'forum:unwatch': { payload: ThreadRefEvent; ack: SocketAck<ThreadRefEvent> };
}

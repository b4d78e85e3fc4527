// Chat: /chat/conversations, /chat/messages and the chat:* socket events (shared/API.md).
import type { AttachmentInput, FileView } from './files';
import type { IsoDateTime, Uuid } from './common';

export type ConversationKind = 'direct' | 'group' | 'mentorship';
export type ConversationRole = 'owner' | 'member';

/** The most a message body may hold, in characters. */
export const CHAT_MESSAGE_MAX_LENGTH = 4000;

export interface ChatMessageView {
  id: Uuid;
  conversationId: Uuid;
  /** 1, 2, 3... per conversation, without gaps: order, gap detection and sync use it. */
  seq: number;
  senderId: Uuid;
  clientId: Uuid;
  /** Markdown as written; empty once deleted. */
  body: string;
  /** Rendered and sanitised: what clients show. */
  bodyHtml: string;
  createdAt: IsoDateTime;
  editedAt: IsoDateTime | null;
  deleted: boolean;
  /** Images and documents sent with it; none once deleted. */
  attachments: FileView[];
}

export interface ConversationMemberView {
  id: Uuid;
  displayName: string;
  handle: string;
  avatarUrl: string | null;
  role: ConversationRole;
  /** The highest seq this member has read: "Seen by". */
  lastReadSeq: number;
  online: boolean;
}

export interface ConversationView {
  id: Uuid;
  kind: ConversationKind;
  /** Groups and mentorships; null for a direct conversation (show the other member's name). */
  title: string | null;
  createdBy: Uuid;
  mentorshipId: Uuid | null;
  members: ConversationMemberView[];
  lastSeq: number;
  lastMessage: ChatMessageView | null;
  /** Messages from others after the caller's last read seq. */
  unreadCount: number;
  lastMessageAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

/** POST /chat/conversations */
export interface CreateConversationRequest {
  kind: 'direct' | 'group';
  memberIds: Uuid[];
  title?: string;
}

/** GET /chat/conversations/:id/messages?beforeSeq=&afterSeq=&limit= */
export interface ChatHistoryPage {
  items: ChatMessageView[];
  /** More messages lie beyond this page in the direction asked (older for beforeSeq, newer for afterSeq). */
  hasMore: boolean;
}

/** POST /chat/conversations/:id/messages and the chat:send event. */
export interface SendChatMessageRequest {
  clientId: Uuid;
  body: string;
  /** Uploads made with purpose attachment, claimed with the message. */
  attachments?: AttachmentInput[];
}

// Socket events: client to server (each answers an ack) ...
export interface ChatSendEvent extends SendChatMessageRequest {
  conversationId: Uuid;
}
export interface ChatSyncEvent {
  conversationId: Uuid;
  afterSeq: number;
}
export interface ChatTypingEvent {
  conversationId: Uuid;
}
export interface ChatReadEvent {
  conversationId: Uuid;
  seq: number;
}
/** The acks: `{ ok: true, message }`, `{ ok: true, messages, hasMore }`, `{ ok: true, seq }`. */
export interface ChatSendAck {
  message: ChatMessageView;
}
export interface ChatSyncAck {
  messages: ChatMessageView[];
  /** More than one answer's worth was missed: sync again after the last seq. */
  hasMore: boolean;
}

// ... and server to client.
export interface ChatTypingBroadcast {
  conversationId: Uuid;
  userId: Uuid;
}
export interface ChatReadBroadcast {
  conversationId: Uuid;
  userId: Uuid;
  seq: number;
}
export interface PresenceBroadcast {
  userId: Uuid;
  online: boolean;
}

/** PATCH /chat/messages/:id: the sender's new text. */
export interface EditChatMessageRequest {
  body: string;
}

/** POST /chat/conversations/:id/read: read up to this message. */
export interface MarkConversationReadRequest {
  seq: number;
}

/** PATCH /chat/conversations/:id: the group's creator renames it. */
export interface RenameGroupRequest {
  title: string;
}
